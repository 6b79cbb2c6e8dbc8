using NodaTime;

namespace StandbyOps.Configuration.Calendars;

/// <summary>
/// An opening range within one day, <see cref="From"/> inclusive and <see cref="To"/> exclusive.
/// A <see cref="To"/> of 00:00 means the end of the day (written <c>24:00</c>); otherwise From &lt; To.
/// </summary>
public sealed record TimeRange(LocalTime From, LocalTime To)
{
    public bool EndsAtMidnight => To == LocalTime.Midnight;

    /// <summary>Length on a day without a DST change.</summary>
    public Duration Length => EndsAtMidnight
        ? Duration.FromDays(1) - Duration.FromNanoseconds(From.NanosecondOfDay)
        : Duration.FromNanoseconds(To.NanosecondOfDay - From.NanosecondOfDay);

    public override string ToString() =>
        $"{From:HH:mm}-{(EndsAtMidnight ? "24:00" : To.ToString("HH:mm", null))}";
}
