using System.Text;

namespace StandbyOps.Configuration.Sms;

/// <summary>
/// <c>sms.twilio:</c> credentials and sender. Exactly one of <see cref="From"/> (E.164) and
/// <see cref="MessagingServiceSid"/> is set. <see cref="ApiKeySid"/>/<see cref="ApiKeySecret"/>, when
/// given, authenticate REST calls instead of the auth token; the auth token still validates webhook
/// signatures. <see cref="ToString"/> never prints secrets.
/// </summary>
public sealed record TwilioConfig(
    string AccountSid,
    string AuthToken,
    string? From,
    string? MessagingServiceSid,
    Uri BaseUrl,
    string? ApiKeySid,
    string? ApiKeySecret)
{
    public static readonly Uri DefaultBaseUrl = new("https://api.twilio.com");

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"AccountSid = {AccountSid}, AuthToken = ***, From = {From}, MessagingServiceSid = {MessagingServiceSid}, ");
        builder.Append($"BaseUrl = {BaseUrl}, ApiKeySid = {ApiKeySid}, ApiKeySecret = {(ApiKeySecret is null ? "" : "***")}");
        return true;
    }
}
