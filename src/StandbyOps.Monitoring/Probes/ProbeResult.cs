namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// The outcome of one probe run: healthy or not, how long it took, and a short human reason
/// (<c>HTTP 503 (expected 200)</c>, <c>connection refused</c>) that ends up on the incident timeline
/// and in the page text, hence its length limit.
/// </summary>
public sealed record ProbeResult(bool Success, TimeSpan Latency, string Reason)
{
    /// <summary>Longest reason kept; longer ones (usually echoing a target's error text) are cut with an ellipsis.</summary>
    public const int MaxReasonLength = 200;

    public TimeSpan Latency { get; } = Latency >= TimeSpan.Zero
        ? Latency
        : throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "A probe's latency cannot be negative.");

    public string Reason { get; } = NormalizeReason(Reason);

    public static ProbeResult Passed(TimeSpan latency, string reason) => new(true, latency, reason);

    public static ProbeResult Failed(TimeSpan latency, string reason) => new(false, latency, reason);

    private static string NormalizeReason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason, nameof(Reason));
        var oneLine = reason.Trim().ReplaceLineEndings(" ");
        return oneLine.Length <= MaxReasonLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxReasonLength - 1), "…");
    }
}
