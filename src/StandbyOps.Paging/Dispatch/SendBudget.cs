using NodaTime;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Per-phone send limit: at most <see cref="MaxPerWindow"/> SMS in any <see cref="Window"/>; a page over the limit waits and merges, it is never dropped.</summary>
public sealed record SendBudget(int MaxPerWindow, Duration Window)
{
    /// <summary>Three SMS a minute per phone: enough for a real escalation, too few for a carrier to flag as spam.</summary>
    public static SendBudget Default { get; } = new(3, Duration.FromMinutes(1));

    /// <summary>At least one SMS per window.</summary>
    public int MaxPerWindow { get; } = MaxPerWindow >= 1 ? MaxPerWindow : throw new ArgumentOutOfRangeException(nameof(MaxPerWindow), MaxPerWindow, "The limit must be at least one SMS.");

    /// <summary>A positive window.</summary>
    public Duration Window { get; } = Window > Duration.Zero ? Window : throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window must be positive.");

    /// <summary>The earliest instant at or after <paramref name="now"/> when one more SMS may go to a phone that was sent <paramref name="sentAt"/>.</summary>
    public Instant NextAllowed(IEnumerable<Instant> sentAt, Instant now)
    {
        ArgumentNullException.ThrowIfNull(sentAt);
        var recent = sentAt.Where(t => t > now - Window).OrderBy(t => t).ToList();
        return recent.Count < MaxPerWindow ? now : recent[recent.Count - MaxPerWindow] + Window;
    }
}
