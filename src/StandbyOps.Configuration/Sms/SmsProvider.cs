namespace StandbyOps.Configuration.Sms;

/// <summary>Which SMS provider sends pages: <c>log</c> (writes each SMS to the log and the outbox API) or <c>twilio</c>.</summary>
public enum SmsProvider
{
    Log,
    Twilio,
}
