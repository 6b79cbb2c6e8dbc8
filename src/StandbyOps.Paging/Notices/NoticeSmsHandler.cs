using Microsoft.Extensions.Logging;
using StandbyOps.Paging.Sms;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Notices;

/// <summary>
/// Sends one informational SMS (a notice, not a page: no reply code, no escalation) through the configured provider.
/// The send is keyed by the intent, so the <c>log</c> provider records a re-driven notice once; a transient failure
/// throws and the relay retries; a permanent one is logged and dropped (the number will not take it).
/// </summary>
public sealed partial class NoticeSmsHandler(ISmsSender sender, ILogger<NoticeSmsHandler> logger) : IIntentHandler
{
    /// <summary>The intent kind: payload <see cref="NoticePayload"/>.</summary>
    public const string IntentKind = "paging.notice";

    /// <inheritdoc />
    public string Kind => IntentKind;

    /// <inheritdoc />
    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var notice = NoticePayload.FromJson(intent.Payload);
        var outcome = await sender.SendAsync(new OutgoingSms(notice.To, notice.Body, null, "notice-" + intent.Id), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case SmsTransientFailure transient:
                throw new InvalidOperationException($"The SMS notice about {notice.CaseNumber} was not sent yet: {transient.Reason}");
            case SmsPermanentFailure permanent:
                LogDropped(notice.CaseNumber, permanent.ErrorCode, permanent.Reason);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMS notice about {CaseNumber} cannot be sent (code {ErrorCode}): {Reason}")]
    private partial void LogDropped(string caseNumber, int? errorCode, string reason);
}
