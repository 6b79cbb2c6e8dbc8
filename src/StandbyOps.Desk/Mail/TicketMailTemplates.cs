using System.Globalization;
using System.Net;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// The customer mails about a ticket, each with a plain-text and an HTML part. The subject always carries the case
/// number in brackets (<c>[2026-000123]</c>), which is how a reply finds its ticket again.
/// </summary>
public static class TicketMailTemplates
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm 'UTC'");

    /// <summary>The subject tag of <paramref name="caseNumber"/>.</summary>
    public static string Tag(string caseNumber) => $"[{caseNumber}]";

    /// <summary>The mail for <paramref name="notice"/> (opened, acknowledged, public-notes, resolved, closed, updates).</summary>
    public static OutgoingMail Render(string notice, Incident incident, IReadOnlyList<string> to, string? text = null, int? update = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var (headline, body) = notice switch
        {
            "opened" => ("We have received your report", $"We have opened ticket {incident.CaseNumber} ({incident.Priority.ToText()}). We will respond by {Time(incident.ResponseDueAt)}."),
            "acknowledged" => ("An engineer is working on your ticket", $"Ticket {incident.CaseNumber} was acknowledged and is being worked on."),
            "public-notes" => ("An update on your ticket", text ?? string.Empty),
            "resolved" => ("Your ticket is resolved", $"Ticket {incident.CaseNumber} was resolved. Reply to this mail if the problem persists."),
            "closed" => ("Your ticket is closed", $"Ticket {incident.CaseNumber} is closed."),
            "updates" => (string.Create(CultureInfo.InvariantCulture, $"Status update {update}"), $"Ticket {incident.CaseNumber} is still {incident.State.ToText()}. We keep working on it and will update you again."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Not a ticket notice."),
        };
        var subject = $"{Tag(incident.CaseNumber)} {headline}: {incident.Title}";
        var facts = $"Case: {incident.CaseNumber}\nPriority: {incident.Priority.ToText()}\nSystem: {incident.System}\nState: {incident.State.ToText()}\nResponse due: {Time(incident.ResponseDueAt)}";
        var plain = $"{body}\n\n{facts}\n\nPlease keep {Tag(incident.CaseNumber)} in the subject when you reply.\n";
        var html = $"<p>{Encode(body)}</p><table>{string.Concat(facts.Split('\n').Select(Row))}</table><p>Please keep {Encode(Tag(incident.CaseNumber))} in the subject when you reply.</p>";
        return new OutgoingMail(to, subject, plain, html, incident.CaseNumber, notice);
    }

    private static string Row(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return $"<tr><th align=\"left\">{Encode(line[..colon])}</th><td>{Encode(line[(colon + 1)..].Trim())}</td></tr>";
    }

    private static string Time(Instant? at) => at is { } value ? Utc.Format(value) : "no deadline";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
