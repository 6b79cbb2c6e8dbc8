using Microsoft.Extensions.Logging;
using NodaTime;

namespace StandbyOps.Paging.Sms;

/// <summary>The <c>log</c> SMS provider: writes each SMS to the log and keeps it in an <see cref="ISmsOutbox"/>; nothing leaves the machine.</summary>
/// <remarks>
/// Every send is accepted with provider id <c>LOG</c> + sequence and status <see cref="AcceptedStatus"/>;
/// no delivery callbacks follow. A repeated idempotency key returns the first send's id without
/// storing or logging the text again.
/// </remarks>
public sealed partial class LogSmsSender : ISmsSender
{
    /// <summary>Status reported for every accepted message.</summary>
    public const string AcceptedStatus = "sent";

    private readonly ISmsOutbox _outbox;
    private readonly IClock _clock;
    private readonly ILogger<LogSmsSender> _logger;

    /// <summary>Creates a sender that stores into <paramref name="outbox"/>, stamping messages with <paramref name="clock"/>.</summary>
    public LogSmsSender(ISmsOutbox outbox, IClock clock, ILogger<LogSmsSender> logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _outbox = outbox;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<SmsSendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        cancellationToken.ThrowIfCancellationRequested();
        var (message, created) = await _outbox.AppendAsync(sms, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        if (created)
        {
            LogSms(_logger, message.ProviderId, PhoneNumber.Mask(message.To), SmsSegments.Measure(message.Body).Segments, message.Body);
        }
        else
        {
            LogRepeat(_logger, message.ProviderId, sms.IdempotencyKey);
        }

        return new SmsAccepted(message.ProviderId, AcceptedStatus);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {ProviderId} to {To} ({Segments} segments): {Body}")]
    private static partial void LogSms(ILogger logger, string providerId, string to, int segments, string body);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMS {ProviderId} already sent for idempotency key {IdempotencyKey}")]
    private static partial void LogRepeat(ILogger logger, string providerId, string idempotencyKey);
}
