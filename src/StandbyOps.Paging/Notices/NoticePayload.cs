using System.Text.Json;

namespace StandbyOps.Paging.Notices;

/// <summary>The payload of a <see cref="NoticeSmsHandler"/> intent: one text to one engineer's phone about one case.</summary>
public sealed record NoticePayload(string To, string Body, string CaseNumber)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static NoticePayload FromJson(string json) =>
        JsonSerializer.Deserialize<NoticePayload>(json, JsonSerializerOptions.Web) is { To: not null, Body: not null } payload
            ? payload
            : throw new FormatException("An SMS notice payload is empty.");
}
