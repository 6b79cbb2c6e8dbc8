namespace StandbyOps.Monitoring.Probes;

/// <summary>One health check against one target, run once per interval by its monitor.</summary>
public interface IProbe
{
    /// <summary>
    /// Runs the check once. Every failure of the target, including its own timeout, is a failed
    /// <see cref="ProbeResult"/>; only cancellation of <paramref name="cancellationToken"/> throws
    /// (<see cref="OperationCanceledException"/>).
    /// </summary>
    Task<ProbeResult> RunAsync(CancellationToken cancellationToken);
}
