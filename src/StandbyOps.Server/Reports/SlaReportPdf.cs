using System.Globalization;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Pdf;

namespace StandbyOps.Server.Reports;

/// <summary>
/// The SLA report as an A4 PDF, drawn with the shared PDF helpers (<see cref="StablePdf"/>, <see cref="PdfLayout"/>):
/// the same figures as the page and the CSV, in the same format (<see cref="SlaReportText"/>). Dated by the end of the
/// month and identified by customer and month, so the same figures always give the same bytes.
/// </summary>
public static class SlaReportPdf
{
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm x", null);

    private static readonly PdfColumn[] Deadlines =
    [
        new("Priority", 0, 45),
        new("Tickets", 50, 63, Right: true),
        new("Resp. met", 113, 63, Right: true),
        new("Resp. breached", 176, 63, Right: true),
        new("Resp. pending", 239, 63, Right: true),
        new("Res. met", 302, 63, Right: true),
        new("Res. breached", 365, 63, Right: true),
        new("Res. pending", 428, 63, Right: true),
    ];

    private static readonly PdfColumn[] Times =
    [
        new("Priority", 0, 45),
        new("Acknowledge mean", 50, 105, Right: true),
        new("Acknowledge p90", 160, 105, Right: true),
        new("Resolve mean", 270, 105, Right: true),
        new("Resolve p90", 380, 105, Right: true),
    ];

    private static readonly PdfColumn[] Systems =
    [
        new("System", 0, 150),
        new("Available", 150, 60, Right: true),
        new("Target", 212, 50, Right: true),
        new("Met", 272, 36),
        new("Down", 310, 55, Right: true),
        new("Maintenance", 370, 60, Right: true),
        new("Unknown", 435, 56, Right: true),
    ];

    /// <summary>The PDF's bytes; <paramref name="customerName"/> heads it, times are shown in <paramref name="zone"/>.</summary>
    public static byte[] Render(SlaReport report, string customerName, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(zone);
        var title = $"SLA report {report.Month}";
        using var document = StablePdf.Create($"{title} — {customerName}", "StandbyOps", report.To.ToDateTimeOffset());
        using (var layout = new PdfLayout(document, $"{title} · {customerName}"))
        {
            layout.Title($"{title} · {customerName}");
            layout.Text($"Customer: {report.Customer}. Period: {Local.Format(report.From.InZone(zone))} to {Local.Format(report.To.InZone(zone))} ({zone.Id}).");
            layout.Gap();

            layout.Text("Tickets and deadlines", bold: true);
            layout.Table(Deadlines);
            foreach (var f in report.Priorities.Append(report.Total))
            {
                layout.Row([f.Priority, Count(f.Tickets), Count(f.ResponseMet), Count(f.ResponseBreached), Count(f.ResponsePending),
                    Count(f.ResolutionMet), Count(f.ResolutionBreached), Count(f.ResolutionPending)], bold: f == report.Total);
            }

            layout.EndTable();
            layout.Text("Resp. = response deadline, Res. = resolution deadline; pending = not yet kept and not breached.");
            layout.Gap();

            layout.Text("Time to acknowledge and to resolve (from opening)", bold: true);
            layout.Table(Times);
            foreach (var f in report.Priorities.Append(report.Total))
            {
                layout.Row([f.Priority, SlaReportText.Minutes(f.MeanAcknowledgeMinutes), SlaReportText.Minutes(f.P90AcknowledgeMinutes),
                    SlaReportText.Minutes(f.MeanResolveMinutes), SlaReportText.Minutes(f.P90ResolveMinutes)], bold: f == report.Total);
            }

            layout.EndTable();
            layout.Gap();

            layout.Text("Standby", bold: true);
            layout.Text($"Agreed standby: {SlaReportText.Hours(report.StandbyHours)}");
            layout.Text($"Callouts: {Count(report.Callouts)} ({SlaReportText.Hours(report.CalloutHours)})");
            layout.Gap();

            layout.Text("Availability", bold: true);
            layout.Table(Systems);
            foreach (var s in report.Availability)
            {
                layout.Row([s.Name, SlaReportText.Percent(s.AvailabilityPercent), SlaReportText.Target(s.Target), SlaReportText.Met(s.TargetMet),
                    SlaReportText.Duration(s.DownSeconds), SlaReportText.Duration(s.MaintenanceSeconds), SlaReportText.Duration(s.UnknownSeconds)]);
            }

            layout.EndTable();
            layout.Text("Availability = up / (up + down); maintenance and unknown time (no result, server not running) are excluded.");
        }

        return StablePdf.Save(document, $"sla-{report.Customer}-{report.Month}");
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
