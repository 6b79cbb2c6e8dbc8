using Prometheus;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Paging's metrics: time from opening to acknowledgement of paged incidents, and SMS sent and failed.</summary>
public sealed class PagingMetrics
{
    /// <summary>The reason label of a page the provider refused to send (or that was not tried: the phone opted out).</summary>
    public const string Rejected = "rejected";

    /// <summary>The reason label of a page the provider accepted but reported undelivered or failed.</summary>
    public const string Undelivered = "undelivered";

    private static readonly double[] AckBuckets = [30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200];

    private readonly Histogram _ack;
    private readonly Counter _sent;
    private readonly Counter _failed;

    /// <summary>Registers the metrics in <paramref name="registry"/>.</summary>
    public PagingMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _ack = factory.CreateHistogram("standbyops_page_ack_seconds", "Seconds from opening to acknowledgement of paged incidents.", new HistogramConfiguration { Buckets = AckBuckets });
        _sent = factory.CreateCounter("standbyops_pages_sent_total", "SMS pages accepted by the provider.");
        _failed = factory.CreateCounter("standbyops_pages_failed_total", "SMS pages that failed (each moves its escalation to the next step at once), by reason.", "reason");
    }

    /// <summary>A paged incident was acknowledged <paramref name="seconds"/> after it opened.</summary>
    public void Acknowledged(double seconds) => _ack.Observe(Math.Max(0, seconds));

    /// <summary>One SMS went out.</summary>
    public void Sent() => _sent.Inc();

    /// <summary>One SMS failed for <paramref name="reason"/> (<see cref="Rejected"/> or <see cref="Undelivered"/>).</summary>
    public void Failed(string reason) => _failed.WithLabels(reason).Inc();
}
