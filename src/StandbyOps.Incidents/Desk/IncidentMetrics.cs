using Prometheus;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Incidents.Sla;

namespace StandbyOps.Incidents.Desk;

/// <summary>
/// The desk's metrics: incidents opened, SLA breaches (counted when they happen, not when someone looks) and the
/// unresolved (open or acknowledged) incidents per customer and priority.
/// </summary>
public sealed class IncidentMetrics
{
    private readonly Counter _opened;
    private readonly Counter _breaches;
    private readonly Gauge _open;
    private readonly Lock _gate = new();
    private readonly HashSet<(string Customer, string Priority)> _openSeries = [];

    public IncidentMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _opened = factory.CreateCounter("standbyops_incidents_opened_total", "Incidents opened, by customer, priority and signal source.", "customer", "priority", "source");
        _breaches = factory.CreateCounter("standbyops_sla_breaches_total", "SLA deadlines missed, by customer and kind (response or resolution).", "customer", "kind");
        _open = factory.CreateGauge("standbyops_incidents_open", "Incidents not yet resolved (open or acknowledged), by customer and priority.", "customer", "priority");
    }

    public void Opened(string customer, Priority priority, SignalSource source) =>
        _opened.WithLabels(customer, priority.ToText(), source.ToText()).Inc();

    public void Breached(string customer, SlaKind kind) =>
        _breaches.WithLabels(customer, kind.ToString().ToLowerInvariant()).Inc();

    /// <summary>Replaces the open-incident counts; series missing from <paramref name="counts"/> drop to zero.</summary>
    public void SetUnresolved(IEnumerable<(string Customer, string Priority, long Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            var seen = new HashSet<(string, string)>();
            foreach (var (customer, priority, count) in counts)
            {
                _open.WithLabels(customer, priority).Set(count);
                seen.Add((customer, priority));
            }

            foreach (var (customer, priority) in _openSeries.Except(seen))
            {
                _open.WithLabels(customer, priority).Set(0);
            }

            _openSeries.UnionWith(seen);
        }
    }
}
