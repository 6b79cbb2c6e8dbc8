using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Configuration.Mail;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// The customer mails about a ticket, each with a plain-text and an HTML part, from <c>mail.templates.&lt;notice&gt;</c>
/// where configured and built-in defaults (written in the same placeholder syntax) for what is not. Values are
/// HTML-encoded in the HTML part. The subject always carries the case number in brackets (<c>[2026-000123]</c>),
/// which is how a reply finds its ticket again: a configured subject without it gets it in front.
/// </summary>
public static class TicketMailTemplates
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm 'UTC'");

    private const string Facts = "Case: {case}\nPriority: {priority}\nSystem: {system}\nState: {state}\nResponse due: {responseDue}";
    private const string TextFooter = "\n\n" + Facts + "\n\nPlease keep [{case}] in the subject when you reply.\n";
    private const string HtmlFooter =
        "<table><tr><th align=\"left\">Case</th><td>{case}</td></tr><tr><th align=\"left\">Priority</th><td>{priority}</td></tr>"
        + "<tr><th align=\"left\">System</th><td>{system}</td></tr><tr><th align=\"left\">State</th><td>{state}</td></tr>"
        + "<tr><th align=\"left\">Response due</th><td>{responseDue}</td></tr></table><p>Please keep [{case}] in the subject when you reply.</p>";

    /// <summary>The built-in template of each notice: subject and the body's first paragraph (the facts follow it).</summary>
    private static readonly Dictionary<string, (string Subject, string Body)> Defaults = new(StringComparer.Ordinal)
    {
        ["opened"] = ("We have received your report: {title}", "We have opened ticket {case} ({priority}). We will respond by {responseDue}."),
        ["acknowledged"] = ("An engineer is working on your ticket: {title}", "Ticket {case} was acknowledged and is being worked on."),
        ["public-notes"] = ("An update on your ticket: {title}", "{note}"),
        ["resolved"] = ("Your ticket is resolved: {title}", "Ticket {case} was resolved. Reply to this mail if the problem persists."),
        ["closed"] = ("Your ticket is closed: {title}", "Ticket {case} is closed."),
        ["updates"] = ("Status update {update}: {title}", "Ticket {case} is still {state}. We keep working on it and will update you again."),
    };

    /// <summary>The subject tag of <paramref name="caseNumber"/>.</summary>
    public static string Tag(string caseNumber) => $"[{caseNumber}]";

    /// <summary>
    /// The mail for <paramref name="notice"/> (opened, acknowledged, public-notes, resolved, closed, updates) from
    /// <paramref name="template"/>'s parts, or the defaults for the parts it leaves out.
    /// </summary>
    public static OutgoingMail Render(
        string notice, Incident incident, IReadOnlyList<string> to, string? text = null, int? update = null, MailTemplateConfig? template = null, string? customerName = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!Defaults.TryGetValue(notice, out var fallback))
        {
            throw new ArgumentOutOfRangeException(nameof(notice), notice, "Not a ticket notice.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = incident.CaseNumber,
            ["title"] = incident.Title,
            ["priority"] = incident.Priority.ToText(),
            ["customer"] = incident.Customer,
            ["customerName"] = customerName ?? incident.Customer,
            ["system"] = incident.System,
            ["state"] = incident.State.ToText(),
            ["responseDue"] = Time(incident.ResponseDueAt),
            ["resolutionDue"] = Time(incident.ResolutionDueAt),
            ["note"] = text ?? string.Empty,
            ["update"] = update?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        var subject = Fill(template?.Subject ?? fallback.Subject, values, html: false).ReplaceLineEndings(" ").Trim();
        if (!subject.Contains(Tag(incident.CaseNumber), StringComparison.Ordinal))
        {
            subject = $"{Tag(incident.CaseNumber)} {subject}";
        }

        var plain = Fill(template?.Text ?? fallback.Body + TextFooter, values, html: false);
        var htmlPart = Fill(template?.Html ?? "<p>" + fallback.Body + "</p>" + HtmlFooter, values, html: true);
        return new OutgoingMail(to, subject, plain, htmlPart, incident.CaseNumber, notice);
    }

    private static string Fill(string template, Dictionary<string, string> values, bool html)
    {
        var result = new StringBuilder(template.Length + 64);
        foreach (var piece in MailPlaceholders.Split(template))
        {
            var value = piece.IsPlaceholder ? values.GetValueOrDefault(piece.Text, "{" + piece.Text + "}") : piece.Text;
            result.Append(html && piece.IsPlaceholder ? WebUtility.HtmlEncode(value) : value);
        }

        return result.ToString();
    }

    private static string Time(Instant? at) => at is { } value ? Utc.Format(value) : "no deadline";
}
