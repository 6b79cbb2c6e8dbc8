using System.Text.Json;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>The payload of a <see cref="SlaReportMailSchedule.Kind"/> intent: whose report of which month (<c>2026-11</c>).</summary>
public sealed record SlaReportMailPayload(string Customer, string Month)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SlaReportMailPayload FromJson(string json) =>
        JsonSerializer.Deserialize<SlaReportMailPayload>(json, Json) ?? throw new FormatException("An SLA report mail payload is empty.");
}
