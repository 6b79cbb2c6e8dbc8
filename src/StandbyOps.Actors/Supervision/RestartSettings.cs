using NodaTime;

namespace StandbyOps.Actors.Supervision;

/// <summary>
/// Exponential backoff and a restart budget: the n-th restart within <see cref="Within"/> waits
/// <c>min(MinBackoff * 2^(n-1), MaxBackoff)</c>; restart number <see cref="MaxRestarts"/> + 1 within the
/// window is not done, <see cref="WhenExceeded"/> is applied instead.
/// </summary>
public sealed record RestartSettings
{
    /// <summary>Restart at once, at most 10 times a minute, then escalate.</summary>
    public static RestartSettings Immediate { get; } = new(Duration.Zero, Duration.Zero, 10, Duration.FromMinutes(1));

    /// <summary>Validates and creates the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, the maximum is below the minimum, the budget is negative, the window is not positive, or the fallback is itself a restart.</exception>
    public RestartSettings(Duration minBackoff, Duration maxBackoff, int maxRestarts, Duration within, Directive whenExceeded = Directive.Escalate)
    {
        if (minBackoff < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "Backoff cannot be negative.");
        }

        if (maxBackoff < minBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, "Maximum backoff must be at least the minimum.");
        }

        if (maxRestarts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRestarts), maxRestarts, "The restart budget cannot be negative.");
        }

        if (within <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, "The restart window must be positive.");
        }

        if (whenExceeded == Directive.Restart)
        {
            throw new ArgumentOutOfRangeException(nameof(whenExceeded), whenExceeded, "What to do once the restart budget is spent cannot be another restart.");
        }

        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        MaxRestarts = maxRestarts;
        Within = within;
        WhenExceeded = whenExceeded;
    }

    /// <summary>Wait before the first restart in a window.</summary>
    public Duration MinBackoff { get; }

    /// <summary>Cap for the doubling wait.</summary>
    public Duration MaxBackoff { get; }

    /// <summary>How many restarts the window allows.</summary>
    public int MaxRestarts { get; }

    /// <summary>The window, counted from the first restart in it.</summary>
    public Duration Within { get; }

    /// <summary>What happens instead of a restart once the budget is spent: escalate (default), stop or resume.</summary>
    public Directive WhenExceeded { get; }

    /// <summary>The wait before restart number <paramref name="restartInWindow"/> (1-based).</summary>
    public Duration BackoffFor(int restartInWindow)
    {
        if (MinBackoff == Duration.Zero || restartInWindow <= 1)
        {
            return MinBackoff;
        }

        // Doubling past 2^30 cannot stay under any sensible cap; clamp before multiplying.
        var doublings = Math.Min(restartInWindow - 1, 30);
        var ticks = MinBackoff.BclCompatibleTicks * (double)(1L << doublings);
        return ticks >= MaxBackoff.BclCompatibleTicks ? MaxBackoff : Duration.FromTicks((long)ticks);
    }
}
