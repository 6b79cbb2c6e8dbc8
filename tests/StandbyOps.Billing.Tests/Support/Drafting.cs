using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Rates;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Tests.Support;

/// <summary>Drafts invoices for one-off agreed periods in the standard NL setting.</summary>
internal static class Drafting
{
    public static InvoiceDraftOutcome Outcome(YearMonth month, IEnumerable<StandbyPeriod> periods, IEnumerable<Callout>? callouts = null, RateCard? card = null) =>
        InvoiceCalculator.Draft(new InvoiceRequest(
            "acme",
            month,
            Standard.NlTerms(card),
            new AgreedStandby(StandbyCoverage.None, periods),
            callouts,
            "ACME B.V."));

    public static Invoice Draft(YearMonth month, IEnumerable<StandbyPeriod> periods, IEnumerable<Callout>? callouts = null, RateCard? card = null)
    {
        var outcome = Outcome(month, periods, callouts, card);
        return Assert.IsType<InvoiceDraftOutcome.Drafted>(outcome).Invoice;
    }

    public static StandbyPeriod Agreed(Instant start, Instant end) => new(start, end);
}
