using StandbyOps.Configuration.Sms;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Sms;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Paging;

/// <summary>
/// With the <c>log</c> SMS provider there is no phone to answer from: this plays the engineer's reply to an outbox
/// message through <see cref="SmsReplyHandler"/>, the very code Twilio's inbound SMS webhook calls, as if the message's
/// recipient had texted <c>body</c> back. With any other provider it refuses (replies come from real phones there).
/// </summary>
public sealed class SmsReplySimulator(ISmsOutbox outbox, SmsReplyHandler replies, LiveConfig live)
{
    /// <summary>Longest reply body accepted (ten SMS segments; real replies are a few characters).</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>True when the provider in force is <c>log</c>.</summary>
    public bool IsAvailable => live.Current.Sms.Provider == SmsProvider.Log;

    /// <summary>The outbox message <paramref name="id"/> names: its provider id (<c>LOG000001</c>) or its sequence (<c>1</c>).</summary>
    public async Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var messages = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        return messages.FirstOrDefault(m => string.Equals(m.ProviderId, id, StringComparison.OrdinalIgnoreCase)
            || (long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) && m.Sequence == sequence));
    }

    /// <summary>Replies <paramref name="body"/> from <paramref name="message"/>'s recipient; returns what the server answers by SMS (null: no answer).</summary>
    public Task<string?> ReplyAsync(OutboxMessage message, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return replies.HandleAsync(message.To, body, cancellationToken);
    }

    /// <summary>The reply a page suggests, e.g. <c>1A</c> for "… Reply 1A ack, 1R resolve", <c>A</c> for a group page; <c>A</c> when it names none.</summary>
    public static string SuggestedReply(string pageBody)
    {
        ArgumentNullException.ThrowIfNull(pageBody);
        var at = pageBody.LastIndexOf("Reply ", StringComparison.Ordinal);
        var word = at < 0 ? string.Empty : new string(pageBody[(at + "Reply ".Length)..].TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
        return word.Length > 0 ? word : "A";
    }
}
