using System.Text.Json;

namespace StandbyOps.Desk.Mail;

/// <summary>The <see cref="MailIntents.Update"/> payload: the ticket and which update (1, 2, …) is due.</summary>
public sealed record UpdatePayload(string CaseNumber, int Number)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static UpdatePayload FromJson(string json) =>
        JsonSerializer.Deserialize<UpdatePayload>(json, Json) ?? throw new FormatException("An update payload is empty.");
}
