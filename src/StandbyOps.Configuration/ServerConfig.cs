namespace StandbyOps.Configuration;

/// <summary>
/// <c>server:</c> settings. <see cref="PublicUrl"/> (default <c>http://127.0.0.1:8080</c>, required
/// with the Twilio provider) is the base of callback URLs; Twilio signatures are checked against it,
/// so its path always ends with <c>/</c>: combine it with relative paths such as <c>new Uri(PublicUrl, "twilio/sms")</c>.
/// </summary>
public sealed record ServerConfig(Uri PublicUrl)
{
    public static readonly Uri DefaultPublicUrl = new("http://127.0.0.1:8080");
}
