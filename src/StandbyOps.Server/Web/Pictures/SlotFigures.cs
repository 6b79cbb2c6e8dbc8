namespace StandbyOps.Server.Web.Pictures;

/// <summary>One slot of an uptime bar: milliseconds up, down and in maintenance out of <see cref="SpanMs"/> (the rest is unknown).</summary>
public readonly record struct SlotFigures(long UpMs, long DownMs, long MaintenanceMs, long SpanMs)
{
    /// <summary>What the slot shows: <c>down</c> when it held any down time, else <c>up</c>, else <c>maintenance</c>, else <c>unknown</c>.</summary>
    public string State => DownMs > 0 ? "down" : UpMs > 0 ? "up" : MaintenanceMs > 0 ? "maintenance" : "unknown";

    /// <summary><c>up / (up + down)</c> in percent, or null without either.</summary>
    public double? Percent => UpMs + DownMs == 0 ? null : 100.0 * UpMs / (UpMs + DownMs);

    /// <summary>The sums of several slots.</summary>
    public static SlotFigures Sum(IEnumerable<SlotFigures> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return slots.Aggregate(default(SlotFigures), (a, s) => new SlotFigures(a.UpMs + s.UpMs, a.DownMs + s.DownMs, a.MaintenanceMs + s.MaintenanceMs, a.SpanMs + s.SpanMs));
    }
}
