using System.Diagnostics;
using Akka.Actor;
using StandbyOps.Metrics;
using StandbyOps.Metrics.Instruments;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Server.Metrics;

/// <summary>
/// The foundation's own metrics: actors (mailbox depth, dead letters, live actors), store write latency, HTTP requests and build info. Later stages register theirs on the
/// same <see cref="MetricsRegistry"/>.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    private readonly List<IDisposable> _callbacks = [];

    /// <summary>Registers the metrics on <paramref name="registry"/>.</summary>
    public ServerMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        StoreWriteDuration = registry.Histogram(
            "standbyops_store_write_duration_seconds", "Duration of committed store write transactions (durable on return).",
            [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);
        HttpRequests = registry.Counter("standbyops_http_requests_total", "HTTP requests answered, by method, route template and status code.", "method", "route", "status");
        var version = typeof(ServerMetrics).Assembly.GetName().Version?.ToString() ?? "0";
        _callbacks.Add(registry.GaugeFunc("standbyops_build_info", "Always 1; the version label names the running build.", ["version"], () => [new LabelledValue([version], 1)]));
        _callbacks.Add(registry.GaugeFunc("standbyops_process_start_time_seconds", "Start time of the process since the Unix epoch.",
            () => new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0));
    }

    /// <summary>The registry everything is exposed from.</summary>
    public MetricsRegistry Registry { get; }

    /// <summary>Store write transaction latency.</summary>
    public Histogram StoreWriteDuration { get; }

    /// <summary>Requests answered.</summary>
    public Counter HttpRequests { get; }

    /// <summary>
    /// Exposes the actor system's figures as callback metrics: mailbox depth (in all, and by actor kind) and live
    /// actors are read from Akka's actor cells under <c>/user</c> on each scrape; dead letters are those the
    /// <see cref="DeadLetterLog"/> counted.
    /// </summary>
    public void Observe(ActorSystem system, DeadLetterLog deadLetters)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(deadLetters);
        _callbacks.Add(Registry.GaugeFunc("standbyops_actor_mailbox_depth", "Messages waiting in all actor mailboxes.", () => ActorCensus.Take(system).MailboxDepth));
        _callbacks.Add(Registry.GaugeFunc("standbyops_actor_kind_mailbox_depth", "Messages waiting in actor mailboxes, by actor kind.", ["kind"],
            () => ActorCensus.Take(system).MailboxDepthByKind.Select(kv => new LabelledValue([kv.Key], kv.Value))));
        _callbacks.Add(Registry.CounterFunc("standbyops_actor_dead_letters_total", "Messages that reached no actor (stopped, unknown or unhandled).", () => deadLetters.Count));
        _callbacks.Add(Registry.GaugeFunc("standbyops_actors", "Live actors.", () => ActorCensus.Take(system).LiveActors));
    }

    /// <summary>
    /// Exposes the intent relay's watchdog figures: every escalation step, page and SLA deadline runs through it, so a
    /// relay that stops looking for work, or work that waits past its due time, means late pages (see alerts/).
    /// </summary>
    public void Observe(IntentRelay relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        var stats = relay.Stats;
        _callbacks.Add(Registry.CounterFunc("standbyops_intent_relay_rounds_total", "Times the intent relay looked for due work (at least once a second while it runs).", () => stats.Rounds));
        _callbacks.Add(Registry.GaugeFunc("standbyops_intents_due", "Intents (escalation steps, SMS sends, SLA deadlines) due and not finished at the relay's last look.", () => stats.Due));
        _callbacks.Add(Registry.GaugeFunc("standbyops_intent_due_lag_seconds", "How long the most overdue unfinished intent had been due at the relay's last look.", () => stats.DueLagSeconds));
        _callbacks.Add(Registry.CounterFunc("standbyops_intent_runs_total", "Finished intent runs by kind and outcome (a failed run is retried with backoff).", ["kind", "outcome"],
            () => stats.Runs.Select(r => new LabelledValue([r.Kind, r.Outcome], r.Count))));
    }

    /// <summary>Exposes writes refused for lack of space, and whether the store is full now (see alerts/: StandbyOpsStoreFull).</summary>
    public void Observe(StoreWriteHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        _callbacks.Add(Registry.CounterFunc("standbyops_store_write_failures_total", "Store writes that failed and were not committed, by reason (disk_full: no space left).", ["reason"],
            () => [new LabelledValue(["disk_full"], health.DiskFullFailures)]));
        _callbacks.Add(Registry.GaugeFunc("standbyops_store_full", "1 while the last store write failed for lack of space (writes answer 503, /readyz is not ready), else 0.", () => health.Full ? 1 : 0));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var callback in _callbacks)
        {
            callback.Dispose();
        }
    }
}
