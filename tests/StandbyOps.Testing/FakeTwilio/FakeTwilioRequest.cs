using NodaTime;

namespace StandbyOps.Testing.FakeTwilio;

/// <summary>One request the <see cref="FakeTwilioServer"/> received, with the answer it gave.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. <c>/2010-04-01/Accounts/AC…/Messages.json</c>.</param>
/// <param name="Username">Basic-auth username, or null when none was sent.</param>
/// <param name="Password">Basic-auth password, or null when none was sent.</param>
/// <param name="Form">Form fields; a repeated field's values are joined with commas.</param>
/// <param name="Headers">Request headers; repeated values joined with commas.</param>
/// <param name="ReceivedAt">When the request arrived, by the server's clock.</param>
/// <param name="Status">HTTP status answered, or 499 when the client went away first.</param>
/// <param name="ErrorCode">Twilio error code answered, if any.</param>
/// <param name="MessageSid">Sid of the message (<c>SM…</c>) or call (<c>CA…</c>) created, if any.</param>
public sealed record FakeTwilioRequest(
    string Method,
    string Path,
    string? Username,
    string? Password,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    Instant ReceivedAt,
    int Status,
    int? ErrorCode,
    string? MessageSid);
