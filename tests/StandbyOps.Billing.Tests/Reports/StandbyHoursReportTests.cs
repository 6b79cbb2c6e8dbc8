using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Reports;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Reports;

public class StandbyHoursReportTests
{
    private static readonly YearMonth December = new(2026, 12);

    private static long MinutesOf(IReadOnlyList<StandbyHoursRow> rows, string engineer, BillingCategory category) =>
        rows.Single(r => r.Engineer == engineer && r.Category == category).Minutes;

    [Fact]
    public void A_week_of_standby_over_christmas_is_split_into_holiday_weekend_and_night_hours()
    {
        // Monday 21 Dec 08:30 → Monday 28 Dec 08:30; 25 and 26 Dec are holidays.
        var shifts = new[] { new EngineerShift("anna", Local(2026, 12, 21, 8, 30), Local(2026, 12, 28, 8, 30)) };

        var rows = StandbyHoursReport.Compute(December, shifts, [], NlTerms());

        Assert.Equal(48m, rows.Single(r => r.Engineer == "anna" && r.Category == BillingCategory.Holiday).Hours);
        Assert.Equal(9.5m, rows.Single(r => r.Engineer == "anna" && r.Category == BillingCategory.Weekend).Hours);

        // Nights: 21, 22, 23 (14.5 h each), 24 (18:00–24:00), 27 (00:00–08:30 after Boxing Day, and 18:00–08:30).
        Assert.Equal((3 * 14.5m) + 6m + 8.5m + 14.5m, rows.Single(r => r.Engineer == "anna" && r.Category == BillingCategory.Night).Hours);
    }

    [Fact]
    public void Overlapping_shifts_of_one_engineer_count_once_and_no_minimum_applies()
    {
        var shifts = new[]
        {
            new EngineerShift("bram", Local(2026, 12, 1, 19), Local(2026, 12, 1, 20)),
            new EngineerShift("bram", Local(2026, 12, 1, 19, 30), Local(2026, 12, 1, 20)),
        };

        var rows = StandbyHoursReport.Compute(December, shifts, [], NlTerms());

        Assert.Equal(60, MinutesOf(rows, "bram", BillingCategory.Night));
    }

    [Fact]
    public void Callout_hours_are_worked_minutes_of_callouts_starting_in_the_month()
    {
        var callouts = new[]
        {
            new Callout("chris", null, Local(2026, 12, 1, 19, 10), Local(2026, 12, 1, 19, 35)),
            new Callout("chris", null, Local(2026, 11, 30, 23), Local(2026, 12, 1, 1)),
        };

        var rows = StandbyHoursReport.Compute(December, [], callouts, NlTerms());

        Assert.Equal(25, MinutesOf(rows, "chris", BillingCategory.Callout));
    }

    [Fact]
    public void Every_engineer_gets_one_row_per_category_ordered_by_engineer_then_category()
    {
        var shifts = new[]
        {
            new EngineerShift("bram", Local(2026, 12, 1, 19), Local(2026, 12, 1, 20)),
            new EngineerShift("anna", Local(2026, 12, 2, 19), Local(2026, 12, 2, 20)),
        };

        var rows = StandbyHoursReport.Compute(December, shifts, [], NlTerms());

        Assert.Equal(
            ["anna", "anna", "anna", "anna", "bram", "bram", "bram", "bram"],
            rows.Select(r => r.Engineer));
        Assert.Equal(
            [BillingCategory.Holiday, BillingCategory.Weekend, BillingCategory.Night, BillingCategory.Callout],
            rows.Take(4).Select(r => r.Category));
    }

    [Fact]
    public void The_night_the_clocks_go_back_counts_fifteen_and_a_half_hours_for_payroll()
    {
        var shifts = new[] { new EngineerShift("anna", Local(2026, 10, 24, 18), Local(2026, 10, 25, 8, 30)) };

        var rows = StandbyHoursReport.Compute(new YearMonth(2026, 10), shifts, [], NlTerms());

        Assert.Equal(15.5m, rows.Single(r => r.Category == BillingCategory.Night).Hours);
    }
}
