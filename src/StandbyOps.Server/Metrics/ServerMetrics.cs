using System.Diagnostics;
using Akka.Actor;
using Prometheus;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Server.Metrics;

/// <summary>
/// The foundation's own metrics on the host's prometheus-net <see cref="CollectorRegistry"/>: actors (mailbox depth,
/// dead letters, live actors), intent relay, store writes (latency, failures, full), HTTP requests and build info. Later
/// stages register theirs on the same registry.
/// </summary>
public sealed class ServerMetrics
{
    private readonly HashSet<string> _mailboxKinds = new(StringComparer.Ordinal);

    /// <summary>Registers the metrics on <paramref name="registry"/>.</summary>
    public ServerMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        StoreWriteDuration = factory.CreateHistogram(
            "standbyops_store_write_duration_seconds", "Duration of committed store write transactions (durable on return).",
            new HistogramConfiguration { Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        HttpRequests = factory.CreateCounter("standbyops_http_requests_total", "HTTP requests answered, by method, route template and status code.", "method", "route", "status");
        var version = typeof(ServerMetrics).Assembly.GetName().Version?.ToString() ?? "0";
        factory.CreateGauge("standbyops_build_info", "Always 1; the version label names the running build.", "version").WithLabels(version).Set(1);
        factory.CreateGauge("standbyops_process_start_time_seconds", "Start time of the process since the Unix epoch.")
            .Set(new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);

        MailboxDepth = factory.CreateGauge("standbyops_actor_mailbox_depth", "Messages waiting in all actor mailboxes.");
        KindMailboxDepth = factory.CreateGauge("standbyops_actor_kind_mailbox_depth", "Messages waiting in actor mailboxes, by actor kind.", "kind");
        DeadLetters = factory.CreateCounter("standbyops_actor_dead_letters_total", "Messages that reached no actor (stopped, unknown or unhandled).");
        Actors = factory.CreateGauge("standbyops_actors", "Live actors.");

        IntentRelayRounds = factory.CreateCounter("standbyops_intent_relay_rounds_total", "Times the intent relay looked for due work (at least once a second while it runs).");
        IntentsDue = factory.CreateGauge("standbyops_intents_due", "Intents (escalation steps, SMS sends, SLA deadlines) due and not finished at the relay's last look.");
        IntentDueLag = factory.CreateGauge("standbyops_intent_due_lag_seconds", "How long the most overdue unfinished intent had been due at the relay's last look.");
        IntentRuns = factory.CreateCounter("standbyops_intent_runs_total", "Finished intent runs by kind and outcome (a failed run is retried with backoff).", "kind", "outcome");

        StoreWriteFailures = factory.CreateCounter("standbyops_store_write_failures_total", "Store writes that failed and were not committed, by reason (disk_full: no space left).", "reason");
        StoreFull = factory.CreateGauge("standbyops_store_full", "1 while the last store write failed for lack of space (writes answer 503, /readyz is not ready), else 0.");
    }

    /// <summary>The registry everything is exposed from.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Store write transaction latency.</summary>
    public Histogram StoreWriteDuration { get; }

    /// <summary>Requests answered.</summary>
    public Counter HttpRequests { get; }

    /// <summary>Messages waiting in all actor mailboxes.</summary>
    public Gauge MailboxDepth { get; }

    /// <summary>Messages waiting in actor mailboxes, by the <c>kind</c> label.</summary>
    public Gauge KindMailboxDepth { get; }

    /// <summary>Messages that reached no actor.</summary>
    public Counter DeadLetters { get; }

    /// <summary>Live actors.</summary>
    public Gauge Actors { get; }

    /// <summary>Rounds of the intent relay.</summary>
    public Counter IntentRelayRounds { get; }

    /// <summary>Due, unfinished intents.</summary>
    public Gauge IntentsDue { get; }

    /// <summary>Lag of the most overdue intent.</summary>
    public Gauge IntentDueLag { get; }

    /// <summary>Finished intent runs by kind and outcome.</summary>
    public Counter IntentRuns { get; }

    /// <summary>Store writes refused, by reason.</summary>
    public Counter StoreWriteFailures { get; }

    /// <summary>1 while the store is full.</summary>
    public Gauge StoreFull { get; }

    /// <summary>
    /// Before every scrape, reads the actor system's figures: mailbox depth (in all, and by actor kind) and live actors
    /// from Akka's actor cells under <c>/user</c>; dead letters as the <see cref="DeadLetterLog"/> counted them.
    /// </summary>
    public void Observe(ActorSystem system, DeadLetterLog deadLetters)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(deadLetters);
        Registry.AddBeforeCollectCallback(() =>
        {
            var census = ActorCensus.Take(system);
            MailboxDepth.Set(census.MailboxDepth);
            lock (_mailboxKinds)
            {
                // A kind without actors any more drops to zero rather than keeping its last depth.
                foreach (var kind in _mailboxKinds)
                {
                    KindMailboxDepth.WithLabels(kind).Set(census.MailboxDepthByKind.GetValueOrDefault(kind));
                }

                foreach (var (kind, depth) in census.MailboxDepthByKind)
                {
                    KindMailboxDepth.WithLabels(kind).Set(depth);
                    _mailboxKinds.Add(kind);
                }
            }

            DeadLetters.IncTo(deadLetters.Count);
            Actors.Set(census.LiveActors);
        });
    }

    /// <summary>Before every scrape, reads writes refused for lack of space and whether the store is full now (see alerts/: StandbyOpsStoreFull).</summary>
    public void Observe(StoreWriteHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        Registry.AddBeforeCollectCallback(() =>
        {
            StoreWriteFailures.WithLabels("disk_full").IncTo(health.DiskFullFailures);
            StoreFull.Set(health.Full ? 1 : 0);
        });
    }

    /// <summary>
    /// Copies the intent relay's watchdog figures before every scrape: every escalation step, page and SLA deadline runs
    /// through it, so a relay that stops looking for work, or work that waits past its due time, means late pages (see alerts/).
    /// </summary>
    public void Observe(IntentRelay relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        var stats = relay.Stats;
        Registry.AddBeforeCollectCallback(() =>
        {
            IntentRelayRounds.IncTo(stats.Rounds);
            IntentsDue.Set(stats.Due);
            IntentDueLag.Set(stats.DueLagSeconds);
            foreach (var (kind, outcome, count) in stats.Runs)
            {
                IntentRuns.WithLabels(kind, outcome).IncTo(count);
            }
        });
    }
}
