namespace StandbyOps.Monitoring.History;

/// <summary>The sums of one 5-minute bucket of one series: milliseconds per state and latency statistics.</summary>
public sealed class RollupCounters
{
    /// <summary>Milliseconds up.</summary>
    public long UpMs { get; set; }

    /// <summary>Milliseconds down.</summary>
    public long DownMs { get; set; }

    /// <summary>Milliseconds in maintenance.</summary>
    public long MaintenanceMs { get; set; }

    /// <summary>The fastest result, if any result carried a latency.</summary>
    public long? LatencyMinMs { get; set; }

    /// <summary>The slowest result.</summary>
    public long? LatencyMaxMs { get; set; }

    /// <summary>The sum of the latencies, for the mean.</summary>
    public long LatencySumMs { get; set; }

    /// <summary>How many results carried a latency.</summary>
    public long LatencyCount { get; set; }

    /// <summary>Adds <paramref name="ms"/> of <paramref name="state"/>; unknown time is not stored.</summary>
    public void Add(HistoryState state, long ms)
    {
        switch (state)
        {
            case HistoryState.Up:
                UpMs += ms;
                break;
            case HistoryState.Down:
                DownMs += ms;
                break;
            case HistoryState.Maintenance:
                MaintenanceMs += ms;
                break;
        }
    }

    /// <summary>Adds one result's latency.</summary>
    public void AddLatency(long ms)
    {
        LatencyMinMs = LatencyMinMs is { } min ? Math.Min(min, ms) : ms;
        LatencyMaxMs = LatencyMaxMs is { } max ? Math.Max(max, ms) : ms;
        LatencySumMs += ms;
        LatencyCount++;
    }
}
