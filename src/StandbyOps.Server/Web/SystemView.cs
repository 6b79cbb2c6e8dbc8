using NodaTime;
using StandbyOps.Configuration.Systems;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Api;

namespace StandbyOps.Server.Web;

/// <summary>One system: its name, overall state and a row per check or heartbeat.</summary>
public static class SystemView
{
    /// <summary>
    /// The section for <paramref name="system"/> with the latest <paramref name="statuses"/>, the system's uptime picture and
    /// each check's pictures (<see cref="Pictures.HistoryPictures"/>).
    /// </summary>
    public static Html Render(SystemConfig system, IReadOnlyList<MonitorStatus> statuses, DateTimeZone zone, Html uptime, IReadOnlyDictionary<string, Html> pictures)
    {
        ArgumentNullException.ThrowIfNull(pictures);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(statuses);
        var state = SystemsApi.Worst(statuses.Select(s => s.State).ToArray());
        var rows = statuses.Count == 0
            ? Html.Of($"<p class=\"muted\">No checks have reported yet.</p>")
            : Html.Of($"""
                <div class="scroll"><table class="cards">
                <thead><tr><th>Check</th><th>Kind</th><th>State</th><th>Since</th><th>Last result</th><th>Latency</th><th>History</th></tr></thead>
                <tbody>{statuses.Select(s => Row(s, zone, pictures.GetValueOrDefault(s.Id) ?? Html.Empty))}</tbody>
                </table></div>
                """);
        return Html.Of($"""
            <section class="system">
            <h3>{system.Name} <span class="badge {state}">{state}</span></h3>
            <p class="muted">{system.Id} · {system.Criticality.ToString().ToLowerInvariant()}</p>
            {uptime}
            {rows}
            </section>
            """);
    }

    private static Html Row(MonitorStatus s, DateTimeZone zone, Html pictures)
    {
        var latency = s.LatencySeconds is { } seconds ? Html.Of($"{seconds * 1000:0} ms") : Html.Of($"<span class=\"none\">—</span>");
        return Html.Of($"""
            <tr><td data-label="Check">{s.Id}</td><td data-label="Kind">{s.Kind}</td><td data-label="State"><span class="badge {s.State}">{s.State}</span></td><td data-label="Since">{WebTimes.Time(s.Since, zone)}</td><td data-label="Last result">{WebTimes.Time(s.LastAt, zone)} {s.Reason}</td><td data-label="Latency">{latency}</td><td data-label="History" class="history">{pictures}</td></tr>
            """);
    }
}
