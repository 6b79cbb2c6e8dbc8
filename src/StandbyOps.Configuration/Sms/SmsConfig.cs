namespace StandbyOps.Configuration.Sms;

/// <summary><c>sms:</c> settings. <see cref="Twilio"/> is set whenever the file has a <c>twilio:</c> block, and always when the provider is Twilio.</summary>
public sealed record SmsConfig(SmsProvider Provider, TwilioConfig? Twilio);
