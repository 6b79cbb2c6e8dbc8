using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Web.Pictures;

namespace StandbyOps.Server.Web;

/// <summary>
/// An incident's SLA deadlines on its timeline: a lane each for response and resolution from the opening to the due time
/// (met, breached or still due), with the acknowledgement and resolution marked; the same in words beneath.
/// </summary>
public static class IncidentSlaPicture
{
    /// <summary>The picture, or nothing for an incident without deadlines.</summary>
    public static Html Render(Incident incident, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.ResponseDueAt is null && incident.ResolutionDueAt is null)
        {
            return Html.Empty;
        }

        var deadlines = new List<(string Name, Instant Due, string State, Instant? Done)>();
        if (incident.ResponseDueAt is { } response)
        {
            deadlines.Add(("Response", response, State(incident.ResponseBreached, incident.RespondedAt), incident.RespondedAt));
        }

        if (incident.ResolutionDueAt is { } resolution)
        {
            deadlines.Add(("Resolution", resolution, State(incident.ResolutionBreached, incident.ResolvedAt), incident.ResolvedAt));
        }

        var from = incident.OpenedAt;
        var last = new[] { incident.AcknowledgedAt, incident.ResolvedAt, incident.RespondedAt }.Append(deadlines.Max(d => d.Due)).Max()!.Value;
        var to = last + Duration.FromMilliseconds(Math.Max(60_000, (last - from).TotalMilliseconds * 0.05));
        var lanes = deadlines.Select(d => new TimelineLane(d.Name, [new TimelineBar(from, d.Due, d.State, $"{d.Name} due: {d.State}")])).ToList();
        var markers = new List<TimelineMarker>();
        if (incident.AcknowledgedAt is { } acknowledged)
        {
            markers.Add(new TimelineMarker(acknowledged, "now", "acknowledged"));
        }

        if (incident.ResolvedAt is { } resolved)
        {
            markers.Add(new TimelineMarker(resolved, "now", "resolved"));
        }

        var pattern = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");
        var words = deadlines.Select(d => $"{d.Name} due {pattern.Format(d.Due.InZone(zone).LocalDateTime)}: {d.State}").ToList();
        var label = $"SLA deadlines of {incident.CaseNumber}: {string.Join("; ", words)}";
        return Html.Of($"""
            <h2>SLA deadlines</h2>
            <div class="scroll">{TimelineChart.Render(label, from, to, lanes, [(from, "opened")], markers)}</div>
            <ul class="sla">{deadlines.Select(d => Html.Of($"<li>{d.Name} due {WebTimes.Time(d.Due, zone)}: <span class=\"badge {d.State}\">{d.State}</span>{(d.Done is { } done ? Html.Of($" (at {WebTimes.Time(done, zone)})") : Html.Empty)}</li>"))}</ul>
            """);
    }

    private static string State(bool breached, Instant? done) => breached ? "breached" : done is not null ? "met" : "due";
}
