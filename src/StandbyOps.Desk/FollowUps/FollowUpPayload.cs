using System.Text.Json;

namespace StandbyOps.Desk.FollowUps;

/// <summary>The <see cref="FollowUpIntents.Review"/> payload: the ticket and which review (1, 2, …) is due.</summary>
public sealed record FollowUpPayload(string CaseNumber, int Number)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static FollowUpPayload FromJson(string json) =>
        JsonSerializer.Deserialize<FollowUpPayload>(json, JsonSerializerOptions.Web) is { CaseNumber: not null } payload
            ? payload
            : throw new FormatException("A follow-up payload is empty.");
}
