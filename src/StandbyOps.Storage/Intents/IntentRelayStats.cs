using System.Collections.Concurrent;
using NodaTime;

namespace StandbyOps.Storage.Intents;

/// <summary>
/// What the relay has been doing, for the server's watchdog metrics: whether it still looks for work, how late the
/// work it finds is, and how each kind of intent fares. Plain counters, so the store knows no metrics library.
/// </summary>
public sealed class IntentRelayStats
{
    /// <summary>The outcome label of an intent that ran to completion.</summary>
    public const string Completed = "completed";

    /// <summary>The outcome label of an intent whose handler failed (it is rescheduled) or that has no handler.</summary>
    public const string Failed = "failed";

    private readonly ConcurrentDictionary<(string Kind, string Outcome), long> _runs = new();
    private long _rounds;
    private long _due;
    private double _dueLagSeconds;

    /// <summary>How many times the relay looked for due intents.</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Intents that were due (running or not yet started) at the last look.</summary>
    public long Due => Interlocked.Read(ref _due);

    /// <summary>How long the most overdue of those had been due at the last look, in seconds (0 when none was due).</summary>
    public double DueLagSeconds => Volatile.Read(ref _dueLagSeconds);

    /// <summary>Finished runs by intent kind and outcome.</summary>
    public IReadOnlyList<(string Kind, string Outcome, long Count)> Runs =>
        [.. _runs.Select(r => (r.Key.Kind, r.Key.Outcome, r.Value)).OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Outcome, StringComparer.Ordinal)];

    internal void Looked(Instant now, IReadOnlyList<Intent> due)
    {
        Interlocked.Increment(ref _rounds);
        Interlocked.Exchange(ref _due, due.Count);
        var lag = due.Count == 0 ? 0 : Math.Max(0, (now - due.Min(i => i.DueAt)).TotalSeconds);
        Volatile.Write(ref _dueLagSeconds, lag);
    }

    internal void Ran(string kind, string outcome) => _runs.AddOrUpdate((kind, outcome), 1, static (_, count) => count + 1);
}
