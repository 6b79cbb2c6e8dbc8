using System.Net;
using System.Text;
using StandbyOps.Desk.Mail;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>The monthly SLA report mail to one report contact: a short summary in text and HTML, a link to the page and the PDF attached.</summary>
public static class SlaReportMailText
{
    /// <summary>The notice name the outbox records for these mails.</summary>
    public const string Notice = "sla-report";

    /// <summary>The mail of <paramref name="report"/> to <paramref name="to"/>.</summary>
    public static OutgoingMail Mail(SlaReport report, string customerName, string to, Uri link, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(link);
        var lines = Summary(report, customerName).ToList();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        text.Append('\n').Append("The full report is attached as a PDF and online at ").Append(link).Append('\n');
        var html = new StringBuilder("<!doctype html><html><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(lines[0])).Append("</h1><ul>");
        foreach (var line in lines.Skip(1))
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
        }

        html.Append("</ul><p>The full report is attached as a PDF and online at <a href=\"").Append(WebUtility.HtmlEncode(link.ToString())).Append("\">")
            .Append(WebUtility.HtmlEncode(link.ToString())).Append("</a>.</p></body></html>");
        return new OutgoingMail(
            [to],
            $"SLA report {report.Month} — {customerName}",
            text.ToString(),
            html.ToString(),
            null,
            Notice,
            [new MailAttachment($"sla-{report.Customer}-{report.Month}.pdf", "application/pdf", pdf)]);
    }

    private static IEnumerable<string> Summary(SlaReport report, string customerName)
    {
        var total = report.Total;
        yield return $"SLA report {report.Month} for {customerName}";
        yield return $"Tickets: {total.Tickets}; response deadlines met {total.ResponseMet}, breached {total.ResponseBreached}; resolution deadlines met {total.ResolutionMet}, breached {total.ResolutionBreached}";
        yield return $"Time to acknowledge: mean {SlaReportText.Minutes(total.MeanAcknowledgeMinutes)}, p90 {SlaReportText.Minutes(total.P90AcknowledgeMinutes)}; to resolve: mean {SlaReportText.Minutes(total.MeanResolveMinutes)}, p90 {SlaReportText.Minutes(total.P90ResolveMinutes)}";
        yield return $"Agreed standby: {SlaReportText.Hours(report.StandbyHours)}; callouts: {report.Callouts} ({SlaReportText.Hours(report.CalloutHours)})";
        foreach (var system in report.Availability)
        {
            yield return $"{system.Name}: {SlaReportText.Percent(system.AvailabilityPercent)} available (target {SlaReportText.Target(system.Target)}, {SlaReportText.Met(system.TargetMet)})";
        }
    }
}
