using NodaTime;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Reports;

/// <summary>One cell of the standby-hours report: an engineer's minutes in one category in one month.</summary>
public sealed record StandbyHoursRow(string Engineer, YearMonth Month, BillingCategory Category, long Minutes)
{
    /// <summary>Exact hours (minutes / 60).</summary>
    public decimal Hours => MinuteGrid.Hours(Minutes);
}
