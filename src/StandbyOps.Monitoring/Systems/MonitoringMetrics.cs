using Prometheus;

namespace StandbyOps.Monitoring.Systems;

/// <summary>The monitor actors' metrics: check runs, their duration and scheduling lag, signals and pings.</summary>
public sealed class MonitoringMetrics(CollectorRegistry registry)
{
    /// <summary>How late a check started against its schedule.</summary>
    public Histogram ScheduleLag { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateHistogram(
        "standbyops_check_schedule_lag_seconds", "How late each check run started against its schedule.",
        new HistogramConfiguration { Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Probe duration.</summary>
    public Histogram CheckDuration { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateHistogram(
        "standbyops_check_duration_seconds", "Duration of each probe run.",
        new HistogramConfiguration { Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Check runs by result (success, failure, skipped while the previous run was still going).</summary>
    public Counter CheckRuns { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("standbyops_check_runs_total", "Check runs by result.", "result");

    /// <summary>Signals sent to the incident desk.</summary>
    public Counter Signals { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("standbyops_monitor_signals_total", "Failure and recovery signals sent to the incident desk, by source.", "source", "kind");

    /// <summary>Heartbeat pings received.</summary>
    public Counter HeartbeatPings { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("standbyops_heartbeat_pings_total", "Heartbeat pings received, by kind.", "kind");
}
