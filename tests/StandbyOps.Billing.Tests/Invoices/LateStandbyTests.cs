using NodaTime;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Standby;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Invoices;

/// <summary>Standby agreed for a month after its invoice was issued is billed as late lines: the difference per window, to the cent.</summary>
public sealed class LateStandbyTests
{
    private static readonly YearMonth November = new(2026, 11);

    private static readonly StandbyPeriod Saturday = new(Standard.Local(2026, 11, 21, 10), Standard.Local(2026, 11, 21, 12));

    private static readonly StandbyPeriod SaturdayAfternoon = new(Standard.Local(2026, 11, 21, 12), Standard.Local(2026, 11, 21, 17, 25));

    private static readonly StandbyPeriod TuesdayNight = new(Standard.Local(2026, 11, 24, 19), Standard.Local(2026, 11, 24, 20));

    [Fact]
    public void A_new_window_is_billed_in_full_and_a_longer_window_by_its_difference()
    {
        var late = new LateStandby(November, Agreed(Saturday), Agreed(Saturday, SaturdayAfternoon, TuesdayNight));

        var lines = InvoiceCalculator.LateStandbyLines(late, Standard.NlTerms());

        // Saturday: 2 h agreed were billed at the 4 h minimum (€200.00); now 7 h 25 min at 50% = €370.83, so €170.83 more.
        var weekend = Assert.Single(lines, l => l.Category == BillingCategory.Weekend);
        Assert.Equal(325, weekend.AgreedMinutes);
        Assert.Equal(205, weekend.BilledMinutes);
        Assert.Equal(170.83m, weekend.Amount);
        // Tuesday night is new: 1 h < 2 h minimum → €200.00.
        var night = Assert.Single(lines, l => l.Category == BillingCategory.Night);
        Assert.Equal(200.00m, night.Amount);
        Assert.All(lines, l => Assert.True(l.Late));
    }

    [Fact]
    public void Late_lines_of_successive_invoices_add_up_to_the_month_with_every_change()
    {
        var terms = Standard.NlTerms();
        var issued = Draft(Agreed(Saturday), terms);
        var december = InvoiceCalculator.LateStandbyLines(new LateStandby(November, Agreed(Saturday), Agreed(Saturday, TuesdayNight)), terms);
        var january = InvoiceCalculator.LateStandbyLines(new LateStandby(November, Agreed(Saturday, TuesdayNight), Agreed(Saturday, TuesdayNight, SaturdayAfternoon)), terms);
        var whole = Draft(Agreed(Saturday, TuesdayNight, SaturdayAfternoon), terms);

        Assert.Equal(whole.Subtotal, issued.Subtotal + december.Sum(l => l.Amount) + january.Sum(l => l.Amount));
        Assert.Equal(whole.Lines.Sum(l => l.BilledMinutes), issued.Lines.Sum(l => l.BilledMinutes) + december.Sum(l => l.BilledMinutes) + january.Sum(l => l.BilledMinutes));
    }

    [Fact]
    public void A_period_that_changes_no_billed_hours_gives_no_late_line()
    {
        var inside = new StandbyPeriod(Standard.Local(2026, 11, 21, 12), Standard.Local(2026, 11, 21, 13));

        var lines = InvoiceCalculator.LateStandbyLines(new LateStandby(November, Agreed(Saturday), Agreed(Saturday, inside)), Standard.NlTerms());

        Assert.Empty(lines);
    }

    [Fact]
    public void A_draft_with_late_standby_bills_it_beside_its_own_month_and_marks_it_late()
    {
        var late = new LateStandby(November, Agreed(Saturday), Agreed(Saturday, TuesdayNight));
        var request = new InvoiceRequest("acme", new YearMonth(2026, 12), Standard.NlTerms(), Agreed(), lateStandby: [late]);

        var invoice = Assert.IsType<InvoiceDraftOutcome.Drafted>(InvoiceCalculator.Draft(request)).Invoice;

        var line = Assert.Single(invoice.Lines);
        Assert.True(line.Late);
        Assert.Equal(new LocalDateTime(2026, 11, 24, 18, 0), line.LocalStart);
        Assert.Equal(200.00m, invoice.Subtotal);
    }

    private static AgreedStandby Agreed(params StandbyPeriod[] periods) => new(StandbyCoverage.None, periods);

    private static Invoice Draft(AgreedStandby agreed, ContractTerms terms) =>
        Assert.IsType<InvoiceDraftOutcome.Drafted>(InvoiceCalculator.Draft(new InvoiceRequest("acme", November, terms, agreed))).Invoice;
}
