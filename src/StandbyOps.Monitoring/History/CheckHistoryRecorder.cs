using System.Collections.Concurrent;
using NodaTime;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.History;

/// <summary>
/// Turns published statuses into history. <see cref="Record"/> only stamps the status with the clock and queues
/// it, so a monitor never waits on the store; <see cref="FlushAsync"/> (a background job, a report, the shutdown)
/// applies the queue in order and writes. Each series (a check, a heartbeat, and each system as a whole under the
/// check id <c>""</c>) holds its last state from the moment it was published until the next one, and that time is
/// added to the 5-minute buckets it spans. Time with no published state (before the first result, after a removal,
/// while the server was not running) is added nowhere: reports count it as unknown.
/// <para><paramref name="countsForSystem"/> says whether a check or heartbeat counts for its system's state.</para>
/// </summary>
public sealed class CheckHistoryRecorder(CheckHistoryStore store, IClock clock, Func<string, string, bool> countsForSystem) : IMonitorHistory, IDisposable
{
    /// <summary>The kind of the series of a system as a whole.</summary>
    public const string SystemKind = "system";

    private const int MaxReasonLength = 200;
    private readonly ConcurrentQueue<Change> _queue = new();
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, Series>> _systems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Series> _systemSeries = new(StringComparer.Ordinal);
    private readonly Dictionary<RollupKey, RollupCounters> _rollups = [];
    private readonly List<HistorySample> _samples = [];
    private long _integratedBucket = long.MinValue;

    /// <summary>Results queued and not yet applied.</summary>
    public int Queued => _queue.Count;

    /// <inheritdoc />
    public void Record(string systemId, MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reason = status.Reason is { Length: > MaxReasonLength } text ? text[..MaxReasonLength] : status.Reason;
        var latency = status.LatencySeconds is { } seconds ? (long?)Math.Round(seconds * 1000) : null;
        _queue.Enqueue(new Change(systemId, status.Id, status.Kind, clock.GetCurrentInstant(), StateOf(status.State), latency, reason, false));
    }

    /// <inheritdoc />
    public void Forget(string systemId, string id) =>
        _queue.Enqueue(new Change(systemId, id, "", clock.GetCurrentInstant(), HistoryState.Unknown, null, null, true));

    /// <inheritdoc />
    public void ForgetSystem(string systemId) =>
        _queue.Enqueue(new Change(systemId, null, "", clock.GetCurrentInstant(), HistoryState.Unknown, null, null, true));

    /// <summary>
    /// Applies the queued results and writes them. With <paramref name="untilNow"/> every series' current state is
    /// also counted up to the clock (a report wants that); otherwise only when the clock has entered a new bucket.
    /// </summary>
    public async Task FlushAsync(bool untilNow = true, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetCurrentInstant();
            while (_queue.TryDequeue(out var change))
            {
                Apply(change);
            }

            var bucket = HistoryRetention.BucketOf(now);
            if (untilNow || bucket != _integratedBucket)
            {
                _integratedBucket = bucket;
                foreach (var series in _systems.Values.SelectMany(s => s.Values).Concat(_systemSeries.Values))
                {
                    Advance(series, now);
                }
            }

            await store.WriteAsync(_samples, _rollups, cancellationToken).ConfigureAwait(false);
            _samples.Clear();
            _rollups.Clear();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private static HistoryState StateOf(string state) => state switch
    {
        "up" => HistoryState.Up,
        "down" => HistoryState.Down,
        "maintenance" => HistoryState.Maintenance,
        _ => HistoryState.Unknown,
    };

    private void Apply(Change change)
    {
        if (!_systems.TryGetValue(change.SystemId, out var members))
        {
            members = new Dictionary<string, Series>(StringComparer.Ordinal);
            _systems[change.SystemId] = members;
        }

        if (change.Forget)
        {
            var gone = change.CheckId is null ? members.Keys.ToList() : [change.CheckId];
            foreach (var id in gone)
            {
                if (members.Remove(id, out var series))
                {
                    Advance(series, change.At);
                }
            }
        }
        else
        {
            var id = change.CheckId!;
            if (!members.TryGetValue(id, out var series))
            {
                series = new Series(change.SystemId, id, change.Kind) { Since = change.At };
                members[id] = series;
            }

            var at = Advance(series, change.At);
            series.State = change.State;
            _samples.Add(new HistorySample(change.SystemId, id, change.Kind, at, change.State, change.LatencyMs, change.Reason));
            if (change.LatencyMs is { } latency)
            {
                Counters(series, HistoryRetention.BucketOf(at)).AddLatency(latency);
            }
        }

        UpdateSystem(change.SystemId, members, change.At);
    }

    private void UpdateSystem(string systemId, Dictionary<string, Series> members, Instant at)
    {
        var state = SystemAvailabilityRule.Combine(members.Values.Where(m => countsForSystem(systemId, m.CheckId)).Select(m => m.State));
        if (!_systemSeries.TryGetValue(systemId, out var system))
        {
            system = new Series(systemId, "", SystemKind) { Since = at };
            _systemSeries[systemId] = system;
        }

        if (system.State != state)
        {
            Advance(system, at);
            system.State = state;
        }
    }

    /// <summary>Counts the series' state from its last change up to <paramref name="to"/> (never backwards) and returns the instant reached.</summary>
    private Instant Advance(Series series, Instant to)
    {
        if (to <= series.Since)
        {
            return series.Since;
        }

        if (series.State != HistoryState.Unknown)
        {
            var from = series.Since;
            while (from < to)
            {
                var bucket = HistoryRetention.BucketOf(from);
                var end = Instant.FromUnixTimeSeconds(bucket) + HistoryRetention.Bucket;
                var until = end < to ? end : to;
                Counters(series, bucket).Add(series.State, (until - from).BclCompatibleTicks / TimeSpan.TicksPerMillisecond);
                from = until;
            }
        }

        series.Since = to;
        return to;
    }

    private RollupCounters Counters(Series series, long bucket)
    {
        var key = new RollupKey(series.SystemId, series.CheckId, series.Kind, bucket);
        if (!_rollups.TryGetValue(key, out var counters))
        {
            counters = new RollupCounters();
            _rollups[key] = counters;
        }

        return counters;
    }

    private sealed record Change(string SystemId, string? CheckId, string Kind, Instant At, HistoryState State, long? LatencyMs, string? Reason, bool Forget);

    private sealed class Series(string systemId, string checkId, string kind)
    {
        public string SystemId { get; } = systemId;

        public string CheckId { get; } = checkId;

        public string Kind { get; } = kind;

        public HistoryState State { get; set; } = HistoryState.Unknown;

        public Instant Since { get; set; }
    }
}
