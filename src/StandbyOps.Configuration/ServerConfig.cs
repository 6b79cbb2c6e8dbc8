namespace StandbyOps.Configuration;

/// <summary>
/// <c>server:</c> settings. <see cref="PublicUrl"/> (default <c>http://127.0.0.1:8080</c>, required
/// with the Twilio provider) is the base of callback URLs; Twilio signatures are checked against it,
/// so its path always ends with <c>/</c>: combine it with relative paths such as <c>new Uri(PublicUrl, "twilio/sms")</c>.
/// <see cref="StoreMaxSize"/> (bytes, default none) caps the store's file: a write that would grow it further answers 503
/// like a full disk, and a reload that raises it lets writes resume.
/// </summary>
public sealed record ServerConfig(Uri PublicUrl, long? StoreMaxSize = null)
{
    public static readonly Uri DefaultPublicUrl = new("http://127.0.0.1:8080");
}
