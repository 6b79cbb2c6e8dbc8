using NodaTime;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// Consecutive-result thresholds of one check (DOMAIN.md, Incidents → Opening): down after
/// <c>failureThreshold</c> failures in a row, back up after <c>successThreshold</c> successes in a
/// row. From <see cref="CheckHealth.Pending"/> a single success is enough to call it up, since
/// there is nothing to recover from.
/// </summary>
public sealed class CheckState
{
    private readonly int _failureThreshold;
    private readonly int _successThreshold;

    /// <summary>Creates a pending state.</summary>
    public CheckState(int failureThreshold, int successThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(successThreshold, 1);
        _failureThreshold = failureThreshold;
        _successThreshold = successThreshold;
    }

    /// <summary>The current verdict.</summary>
    public CheckHealth Health { get; private set; } = CheckHealth.Pending;

    /// <summary>Failures in a row, up to now.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Successes in a row, up to now.</summary>
    public int ConsecutiveSuccesses { get; private set; }

    /// <summary>When the current verdict began.</summary>
    public Instant? Since { get; private set; }

    /// <summary>Adds one result and returns the verdict change it caused, if any.</summary>
    public CheckHealth? Record(bool success, Instant at)
    {
        if (success)
        {
            ConsecutiveSuccesses++;
            ConsecutiveFailures = 0;
            var needed = Health == CheckHealth.Down ? _successThreshold : 1;
            return Health != CheckHealth.Up && ConsecutiveSuccesses >= needed ? Become(CheckHealth.Up, at) : null;
        }

        ConsecutiveFailures++;
        ConsecutiveSuccesses = 0;
        return Health != CheckHealth.Down && ConsecutiveFailures >= _failureThreshold ? Become(CheckHealth.Down, at) : null;
    }

    private CheckHealth Become(CheckHealth health, Instant at)
    {
        Health = health;
        Since = at;
        return health;
    }
}
