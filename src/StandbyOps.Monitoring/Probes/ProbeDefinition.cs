namespace StandbyOps.Monitoring.Probes;

/// <summary>What one health check probes and how long a single attempt may take; one subtype per probe kind.</summary>
public abstract record ProbeDefinition
{
    /// <summary>Longest single attempt accepted; a check that needs longer is misconfigured.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    protected ProbeDefinition(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeout), timeout, $"A probe timeout must be positive and at most {ProbeText.Duration(MaxTimeout)}.");
        }

        Timeout = timeout;
    }

    /// <summary>How long one attempt may take before it fails with "timed out after …".</summary>
    public TimeSpan Timeout { get; }
}
