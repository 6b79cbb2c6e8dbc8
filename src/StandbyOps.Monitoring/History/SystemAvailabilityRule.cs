namespace StandbyOps.Monitoring.History;

/// <summary>
/// How a system's state follows from its checks' and heartbeats' (those that count for it, see
/// <see cref="CheckHistoryRecorder"/>): down while any of them is down; else in maintenance while any is in
/// maintenance; else up while any is up; else unknown (all pending, or the server was not running).
/// </summary>
public static class SystemAvailabilityRule
{
    /// <summary>The system's state from the current states of the checks and heartbeats that count.</summary>
    public static HistoryState Combine(IEnumerable<HistoryState> states)
    {
        var seen = new HashSet<HistoryState>(states);
        return seen.Contains(HistoryState.Down) ? HistoryState.Down
            : seen.Contains(HistoryState.Maintenance) ? HistoryState.Maintenance
            : seen.Contains(HistoryState.Up) ? HistoryState.Up
            : HistoryState.Unknown;
    }
}
