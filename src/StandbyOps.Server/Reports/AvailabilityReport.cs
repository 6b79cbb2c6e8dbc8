using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Monitoring.History;
using StandbyOps.Server.History;

namespace StandbyOps.Server.Reports;

/// <summary>
/// <c>GET /api/v1/reports/availability</c>: a customer's systems over [<see cref="From"/>, <see cref="To"/>),
/// both on 5-minute boundaries. Time after the clock's now is not counted at all.
/// </summary>
public sealed record AvailabilityReport(string Customer, Instant From, Instant To, IReadOnlyList<SystemAvailability> Systems)
{
    /// <summary>Reads the report of <paramref name="customerId"/>; <paramref name="from"/> and <paramref name="to"/> are widened to bucket boundaries.</summary>
    public static async Task<AvailabilityReport> ReadAsync(
        CheckHistoryStore store, Configuration.StandbyOpsConfig config, string customerId, CustomerConfig customer, Instant from, Instant to, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(customer);
        from = HistoryRetention.Floor(from);
        to = HistoryRetention.Ceiling(to);
        var measuredEnd = now < to ? now : to;
        var spanMs = measuredEnd > from ? (long)(measuredEnd - from).TotalMilliseconds : 0;
        var totals = (await store.TotalsAsync(customer.Systems.Keys.ToList(), from, to, cancellationToken).ConfigureAwait(false))
            .ToLookup(t => t.SystemId, StringComparer.Ordinal);
        var systems = customer.Systems.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(system =>
        {
            var series = totals[system.Id].ToDictionary(t => t.CheckId, StringComparer.Ordinal);
            var whole = series.TryGetValue("", out var w) ? w : null;
            var figures = AvailabilityFigures.From(whole?.UpMs ?? 0, whole?.DownMs ?? 0, whole?.MaintenanceMs ?? 0, spanMs);
            var configured = system.Checks.Keys.Select(id => (id, "check")).Concat(system.Heartbeats.Keys.Select(id => (id, "heartbeat")));
            var stored = series.Values.Where(t => t.CheckId.Length > 0).Select(t => (id: t.CheckId, t.Kind));
            var checks = configured.Concat(stored).DistinctBy(c => c.id).OrderBy(c => c.id, StringComparer.Ordinal).Select(c =>
            {
                var t = series.GetValueOrDefault(c.id);
                var f = AvailabilityFigures.From(t?.UpMs ?? 0, t?.DownMs ?? 0, t?.MaintenanceMs ?? 0, spanMs);
                long? avg = t is { LatencyCount: > 0 } ? t.LatencySumMs / t.LatencyCount : null;
                return new CheckAvailability(c.id, c.Item2, f.UpSeconds, f.DownSeconds, f.MaintenanceSeconds, f.UnknownSeconds, f.AvailabilityPercent,
                    SystemMembership.Counts(config, system.Id, c.id), t?.LatencyMinMs, avg, t?.LatencyMaxMs);
            }).ToList();
            bool? met = system.AvailabilityTarget is { } target && figures.AvailabilityPercent is { } percent ? percent >= (double)target : null;
            return new SystemAvailability(system.Id, system.Name, figures.UpSeconds, figures.DownSeconds, figures.MaintenanceSeconds, figures.UnknownSeconds,
                figures.AvailabilityPercent, system.AvailabilityTarget, met, checks);
        }).ToList();
        return new AvailabilityReport(customerId, from, to, systems);
    }
}
