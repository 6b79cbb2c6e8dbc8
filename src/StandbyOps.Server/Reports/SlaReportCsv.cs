using System.Globalization;
using System.Text;

namespace StandbyOps.Server.Reports;

/// <summary>The SLA report as CSV (RFC 4180, comma, invariant numbers): one row per priority and a total row, then standby and availability rows.</summary>
public static class SlaReportCsv
{
    /// <summary>The CSV text.</summary>
    public static string Write(SlaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        csv.Append("customer,month,priority,tickets,response_met,response_breached,response_pending,resolution_met,resolution_breached,resolution_pending,")
            .Append("mean_acknowledge_minutes,p90_acknowledge_minutes,mean_resolve_minutes,p90_resolve_minutes\r\n");
        foreach (var f in report.Priorities.Append(report.Total))
        {
            csv.Append(Field(report.Customer)).Append(',').Append(report.Month).Append(',').Append(f.Priority).Append(',')
                .Append(Invariant($"{f.Tickets},{f.ResponseMet},{f.ResponseBreached},{f.ResponsePending},{f.ResolutionMet},{f.ResolutionBreached},{f.ResolutionPending},"))
                .Append(Number(f.MeanAcknowledgeMinutes)).Append(',').Append(Number(f.P90AcknowledgeMinutes)).Append(',')
                .Append(Number(f.MeanResolveMinutes)).Append(',').Append(Number(f.P90ResolveMinutes)).Append("\r\n");
        }

        csv.Append("\r\ncustomer,month,standby_hours,callouts,callout_hours\r\n")
            .Append(Field(report.Customer)).Append(',').Append(report.Month).Append(',')
            .Append(Invariant($"{report.StandbyHours},{report.Callouts},{report.CalloutHours}\r\n"));
        csv.Append("\r\ncustomer,month,system,availability_percent,target_percent,target_met,up_seconds,down_seconds,maintenance_seconds,unknown_seconds\r\n");
        foreach (var s in report.Availability)
        {
            csv.Append(Field(report.Customer)).Append(',').Append(report.Month).Append(',').Append(Field(s.System)).Append(',')
                .Append(Number(s.AvailabilityPercent)).Append(',').Append(s.Target?.ToString(CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(s.TargetMet switch { true => "yes", false => "no", null => "" }).Append(',')
                .Append(Invariant($"{s.UpSeconds},{s.DownSeconds},{s.MaintenanceSeconds},{s.UnknownSeconds}\r\n"));
        }

        return csv.ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
