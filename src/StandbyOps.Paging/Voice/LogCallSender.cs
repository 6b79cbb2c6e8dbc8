using Microsoft.Extensions.Logging;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Voice;

/// <summary>
/// Calls with the <c>log</c> provider: writes the call to the log and accepts it with provider id <c>LOGCALL</c> + the
/// call's key; nothing leaves the machine and no keypress follows, so the escalation goes on until someone acknowledges
/// another way.
/// </summary>
public sealed partial class LogCallSender(ILogger<LogCallSender> logger) : ICallSender
{
    /// <summary>Status reported for every accepted call.</summary>
    public const string AcceptedStatus = "queued";

    /// <inheritdoc />
    public Task<SmsSendOutcome> CallAsync(OutgoingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var id = "LOGCALL" + call.IdempotencyKey;
        LogCall(logger, id, PhoneNumber.Mask(call.To), call.TwimlUrl);
        return Task.FromResult<SmsSendOutcome>(new SmsAccepted(id, AcceptedStatus));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {ProviderId} to {To} (log provider; its TwiML is at {TwimlUrl})")]
    private static partial void LogCall(ILogger logger, string providerId, string to, Uri twimlUrl);
}
