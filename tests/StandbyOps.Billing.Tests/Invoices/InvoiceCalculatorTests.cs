using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Standby;
using static StandbyOps.Billing.Tests.Support.Drafting;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Invoices;

public class InvoiceCalculatorTests
{
    private static readonly YearMonth November = new(2026, 11);

    [Fact]
    public void Two_saturday_hours_bill_four_weekend_hours_at_half_rate_for_200()
    {
        var invoice = Draft(November, [Agreed(Local(2026, 11, 21, 10), Local(2026, 11, 21, 12))]);

        var line = Assert.IsType<StandbyLine>(Assert.Single(invoice.Lines));
        Assert.Equal(BillingCategory.Weekend, line.Category);
        Assert.Equal(2m, line.AgreedHours);
        Assert.Equal(4m, line.BilledHours);
        Assert.Equal(50m, line.RatePercent);
        Assert.Equal(200.00m, line.Amount);
    }

    [Fact]
    public void A_tuesday_night_bills_fourteen_and_a_half_hours_for_1450()
    {
        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 25, 8, 30))]);

        Assert.Equal(1450.00m, Assert.Single(invoice.Lines).Amount);
    }

    [Fact]
    public void One_evening_hour_bills_200_and_a_25_minute_callout_bills_a_full_hour_on_top()
    {
        var callout = new Callout("anna", "INC-2026-0042", Local(2026, 11, 24, 19, 10), Local(2026, 11, 24, 19, 35));

        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 19), Local(2026, 11, 24, 20))], [callout]);

        Assert.Equal([InvoiceLineKind.Standby, InvoiceLineKind.Callout], invoice.Lines.Select(l => l.Kind));
        Assert.Equal(200.00m, invoice.Lines[0].Amount);
        var calloutLine = Assert.IsType<CalloutLine>(invoice.Lines[1]);
        Assert.Equal(25, calloutLine.WorkedMinutes);
        Assert.Equal(1m, calloutLine.BilledHours);
        Assert.Equal(100.00m, calloutLine.Amount);
        Assert.Equal(("anna", "INC-2026-0042"), (calloutLine.Engineer, calloutLine.CaseNumber));
        Assert.Equal(300.00m, invoice.Subtotal);
    }

    [Fact]
    public void Christmas_day_and_boxing_saturday_bill_two_full_holiday_days_for_4800()
    {
        var invoice = Draft(new YearMonth(2026, 12), [Agreed(Local(2026, 12, 25, 0), Local(2026, 12, 27, 0))]);

        Assert.All(invoice.Lines, l => Assert.Equal(BillingCategory.Holiday, l.Category));
        Assert.Equal(2, invoice.Lines.Count);
        Assert.Equal(4800.00m, invoice.Subtotal);
    }

    [Fact]
    public void The_night_the_clocks_go_back_bills_fifteen_and_a_half_hours_for_1550()
    {
        var invoice = Draft(new YearMonth(2026, 10), [Agreed(Local(2026, 10, 24, 18), Local(2026, 10, 25, 8, 30))]);

        Assert.Equal(15.5m, Assert.IsType<StandbyLine>(Assert.Single(invoice.Lines)).AgreedHours);
        Assert.Equal(1550.00m, invoice.Subtotal);
    }

    [Fact]
    public void The_night_the_clocks_go_forward_bills_thirteen_and_a_half_hours_for_1350()
    {
        var invoice = Draft(new YearMonth(2026, 3), [Agreed(Local(2026, 3, 28, 18), Local(2026, 3, 29, 8, 30))]);

        Assert.Equal(1350.00m, invoice.Subtotal);
    }

    [Fact]
    public void A_night_running_into_christmas_bills_the_evening_as_night_and_the_morning_as_holiday()
    {
        var invoice = Draft(new YearMonth(2026, 12), [Agreed(Local(2026, 12, 24, 18), Local(2026, 12, 25, 8, 30))]);

        Assert.Equal([600.00m, 850.00m], invoice.Lines.Select(l => l.Amount));
    }

    [Fact]
    public void Overlapping_agreed_periods_are_billed_once()
    {
        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 19), Local(2026, 11, 24, 21)), Agreed(Local(2026, 11, 24, 20), Local(2026, 11, 24, 22))]);

        Assert.Equal(300.00m, invoice.Subtotal);
    }

    [Fact]
    public void Vat_is_rounded_once_on_the_subtotal_half_away_from_zero()
    {
        // A 1 h callout at €12.50 → subtotal 12.50, VAT 21% = 2.625 → 2.63 (banker's rounding would give 2.62).
        var card = StandardCard(hourlyRate: 12.50m);
        var callout = new Callout("anna", null, Local(2026, 11, 24, 19), Local(2026, 11, 24, 19, 30));
        var night = Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 24, 20));

        var invoice = Draft(November, [night], [callout], card);

        Assert.Equal(37.50m, invoice.Subtotal);
        Assert.Equal(7.88m, invoice.Vat);   // 37.50 × 21% = 7.875
        Assert.Equal(45.38m, invoice.Total);
    }

    [Fact]
    public void A_line_amount_is_rounded_to_cents_half_away_from_zero()
    {
        // 2.5 h × €100.01 = 250.025 → 250.03.
        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 24, 20, 30))], card: StandardCard(hourlyRate: 100.01m));

        Assert.Equal(250.03m, Assert.Single(invoice.Lines).Amount);
    }

    [Fact]
    public void A_line_amount_is_computed_from_exact_minutes()
    {
        // 125 min × €95.55 = 199.0625 → 199.06.
        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 24, 20, 5))], card: StandardCard(hourlyRate: 95.55m));

        Assert.Equal(199.06m, Assert.Single(invoice.Lines).Amount);
    }

    [Fact]
    public void A_night_that_starts_on_the_last_evening_of_the_month_is_billed_in_that_month_in_full()
    {
        var night = Agreed(Local(2026, 11, 30, 18), Local(2026, 12, 1, 8, 30));

        var november = Draft(November, [night]);
        var december = Outcome(new YearMonth(2026, 12), [night]);

        Assert.Equal(1450.00m, november.Subtotal);
        Assert.IsType<InvoiceDraftOutcome.NothingToBill>(december);
    }

    [Fact]
    public void A_month_without_standby_or_callouts_has_nothing_to_bill()
    {
        var outcome = Outcome(November, [Agreed(Local(2026, 10, 6, 18), Local(2026, 10, 7, 8, 30))]);

        Assert.Equal(new InvoiceDraftOutcome.NothingToBill("acme", November), outcome);
    }

    [Fact]
    public void Agreed_standby_only_in_office_hours_has_nothing_to_bill()
    {
        var outcome = Outcome(November, [Agreed(Local(2026, 11, 24, 9), Local(2026, 11, 24, 17))]);

        Assert.IsType<InvoiceDraftOutcome.NothingToBill>(outcome);
    }

    [Fact]
    public void A_callout_outside_agreed_standby_rejects_the_draft_naming_the_callout()
    {
        var callout = new Callout("bram", "INC-7", Local(2026, 11, 24, 10), Local(2026, 11, 24, 11));

        var outcome = Outcome(November, [Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 25, 8, 30))], [callout]);

        var problem = Assert.Single(Assert.IsType<InvoiceDraftOutcome.Rejected>(outcome).Problems);
        Assert.Equal(BillingProblem.CalloutOutsideStandbyCode, problem.Code);
        Assert.Contains("bram", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("INC-7", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 10:00", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_callout_may_run_past_the_end_of_standby_and_is_billed_in_full()
    {
        var callout = new Callout("anna", null, Local(2026, 11, 25, 8), Local(2026, 11, 25, 10));

        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 25, 8, 30))], [callout]);

        Assert.Equal(200.00m, invoice.Lines.OfType<CalloutLine>().Single().Amount);
    }

    [Fact]
    public void Callouts_of_other_months_are_left_for_their_own_invoice()
    {
        var october = new Callout("anna", null, Local(2026, 10, 31, 23), Local(2026, 11, 1, 1));

        var invoice = Draft(November, [Agreed(Local(2026, 10, 31, 18), Local(2026, 11, 2, 8, 30))], [october]);

        Assert.Empty(invoice.Lines.OfType<CalloutLine>());
    }

    [Fact]
    public void Lines_are_ordered_by_start_then_standby_before_callout_then_engineer()
    {
        var callouts = new[]
        {
            new Callout("chris", null, Local(2026, 11, 24, 20), Local(2026, 11, 24, 21)),
            new Callout("anna", null, Local(2026, 11, 24, 20), Local(2026, 11, 24, 21)),
            new Callout("bram", null, Local(2026, 11, 21, 9), Local(2026, 11, 21, 10)),
        };

        var invoice = Draft(November, [Agreed(Local(2026, 11, 20, 18), Local(2026, 11, 25, 8, 30))], callouts);

        var order = invoice.Lines.Select(l => l is CalloutLine c ? c.Engineer : l.Category.ToString()).ToList();
        Assert.Equal(["Night", "Weekend", "bram", "Night", "Weekend", "Night", "Night", "Night", "anna", "chris"], order);
    }

    [Fact]
    public void Recurring_coverage_for_a_whole_month_bills_every_night_weekend_and_holiday()
    {
        var request = new InvoiceRequest("acme", new YearMonth(2026, 12), NlTerms(), new AgreedStandby(StandbyCoverage.All));

        var invoice = Assert.IsType<InvoiceDraftOutcome.Drafted>(InvoiceCalculator.Draft(request)).Invoice;

        Assert.Equal(2, invoice.Lines.Count(l => l.Category == BillingCategory.Holiday));
        // The night of 25 → 26 December lies wholly on holidays, so December has 30 night windows.
        Assert.Equal(30, invoice.Lines.Count(l => l.Category == BillingCategory.Night));
        Assert.Equal(7, invoice.Lines.Count(l => l.Category == BillingCategory.Weekend));
        Assert.Equal(invoice.Subtotal + invoice.Vat, invoice.Total);
    }

    [Fact]
    public void A_draft_carries_the_rate_card_currency_vat_and_zone()
    {
        var invoice = Draft(November, [Agreed(Local(2026, 11, 24, 18), Local(2026, 11, 25, 8, 30))]);

        Assert.Equal(("EUR", 21m, "Europe/Amsterdam", InvoiceStatus.Draft), (invoice.Currency, invoice.VatPercent, invoice.TimeZone, invoice.Status));
        Assert.Null(invoice.Number);
    }
}
