using StandbyOps.Configuration.Teams;

namespace StandbyOps.Paging.Dispatch;

/// <summary>How a page reaches its engineer, as stored with page items and pages: a text or a phone call.</summary>
public static class PageChannel
{
    /// <summary>A text message with reply codes.</summary>
    public const string Sms = "sms";

    /// <summary>A phone call that reads the cases and takes a keypress.</summary>
    public const string Voice = "voice";

    /// <summary>The stored channel of a configured step's <c>via</c>.</summary>
    public static string Of(EscalationChannel via) => via == EscalationChannel.Voice ? Voice : Sms;

    /// <summary>The intent kind that sends a phone's waiting items of <paramref name="channel"/>.</summary>
    public static string SendIntentOf(string channel) => channel == Voice ? PagingIntents.Call : PagingIntents.Send;
}
