using System.Text.Json;

namespace StandbyOps.Incidents.Closing;

/// <summary>The payload of <see cref="IncidentIntents.AutoClose"/>: the incident and the resolution it was scheduled for.</summary>
/// <param name="CaseNumber">The incident.</param>
/// <param name="ResolvedAt">The resolution instant in store format; a different one on the incident means it was reopened since.</param>
internal sealed record AutoClosePayload(string CaseNumber, string ResolvedAt)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static AutoClosePayload FromJson(string json) =>
        JsonSerializer.Deserialize<AutoClosePayload>(json, JsonSerializerOptions.Web) is { CaseNumber: not null, ResolvedAt: not null } payload
            ? payload
            : throw new FormatException($"Invalid auto-close intent payload: {json}");
}
