using System.Text.Json;

namespace StandbyOps.Incidents.Sla;

/// <summary>The payload of the SLA deadline intents: which incident to check.</summary>
internal sealed record SlaIntentPayload(string CaseNumber)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SlaIntentPayload FromJson(string json) =>
        JsonSerializer.Deserialize<SlaIntentPayload>(json, JsonSerializerOptions.Web) is { CaseNumber: not null } payload
            ? payload
            : throw new FormatException($"Invalid SLA intent payload: {json}");
}
