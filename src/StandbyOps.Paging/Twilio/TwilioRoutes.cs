namespace StandbyOps.Paging.Twilio;

/// <summary>The server's Twilio webhook paths (under <c>server.publicUrl</c>), which paging writes into the URLs it gives Twilio.</summary>
public static class TwilioRoutes
{
    /// <summary>Delivery status of texts and calls.</summary>
    public const string Status = "/api/v1/twilio/status";

    /// <summary>Inbound SMS replies.</summary>
    public const string Sms = "/api/v1/twilio/sms";

    /// <summary>The TwiML a paging call runs.</summary>
    public const string VoiceTwiml = "/api/v1/twilio/voice/twiml";

    /// <summary>A keypress during a paging call.</summary>
    public const string VoiceGather = "/api/v1/twilio/voice/gather";
}
