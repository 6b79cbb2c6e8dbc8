using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using StandbyOps.Paging.Sms;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;

namespace StandbyOps.Paging.Twilio;

/// <summary>
/// What texts and calls share on the Twilio SDK: a <see cref="TwilioRestClient"/> over the factory's
/// <see cref="TwilioSmsSender.HttpClientName"/> pipeline (retries, timeouts, base-URL re-targeting), and the mapping of
/// what the SDK reports for one create request to an outcome, logged once here for both (numbers masked, never credentials or bodies).
/// </summary>
internal static partial class TwilioRest
{
    /// <summary>A client for one request, sending through the factory's pipeline.</summary>
    public static TwilioRestClient Client(IHttpClientFactory httpClientFactory, TwilioOptions options) => new(
        options.Username,
        options.Password,
        accountSid: options.AccountSid,
        httpClient: new SystemNetHttpClient(httpClientFactory.CreateClient(TwilioSmsSender.HttpClientName)));

    /// <summary>
    /// Runs <paramref name="create"/> (an SDK create call answering the resource's sid and status) and maps the result:
    /// a sid → <see cref="SmsAccepted"/>; 408, 429, 5xx or no connection (after the pipeline's retries) →
    /// <see cref="SmsTransientFailure"/>; any other error → <see cref="SmsPermanentFailure"/> with Twilio's code.
    /// <paramref name="to"/> is masked in the reasons. The outcome is logged to <paramref name="logger"/> (the sender's) with
    /// <paramref name="idempotencyKey"/>; <paramref name="what"/> is <c>message</c> or <c>call</c>.
    /// </summary>
    public static async Task<SmsSendOutcome> CreateAsync(
        Func<Task<(string? Sid, string? Status)>> create, string to, string what, string idempotencyKey, ILogger logger, CancellationToken cancellationToken)
    {
        var outcome = await CreateAsync(create, to, what, cancellationToken).ConfigureAwait(false);
        LogOutcome(logger, outcome, what == "call", PhoneNumber.Mask(to), idempotencyKey);
        return outcome;
    }

    private static async Task<SmsSendOutcome> CreateAsync(Func<Task<(string? Sid, string? Status)>> create, string to, string what, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK takes no cancellation token; the caller stops waiting, the pipeline's timeouts end the request.
            var (sid, status) = await create().WaitAsync(cancellationToken).ConfigureAwait(false);
            return sid is { Length: > 0 }
                ? new SmsAccepted(sid, status ?? "queued")

                // Twilio took it but we cannot name it; retrying could send it twice.
                : new SmsPermanentFailure(null, $"Twilio answered without a {what} sid");
        }
        catch (ApiException e)
        {
            return Interpret(e.Status, e.Code == 0 ? null : e.Code, e.Message, to);
        }
        catch (ApiStandardException e)
        {
            return Interpret(e.Status, e.Code == 0 ? null : e.Code, e.Detail ?? e.Title ?? e.Message, to);
        }
        catch (ApiConnectionException e)
        {
            return new SmsTransientFailure($"Twilio unreachable: {(e.InnerException ?? e).Message}", null);
        }
    }

    private static SmsSendOutcome Interpret(int status, int? code, string? message, string to)
    {
        // Twilio's messages quote the number ("Invalid 'To' Phone Number: +316…"); logs get it masked.
        message = message?.Replace(to, PhoneNumber.Mask(to), StringComparison.Ordinal);
        var reason = code is null
            ? string.Create(CultureInfo.InvariantCulture, $"Twilio {status}: {message}")
            : string.Create(CultureInfo.InvariantCulture, $"Twilio {status} error {code}: {message}");
        return TwilioRetryHandler.IsTransient((HttpStatusCode)status)
            ? new SmsTransientFailure(reason, null)
            : new SmsPermanentFailure(code, reason);
    }

    private static void LogOutcome(ILogger logger, SmsSendOutcome outcome, bool call, string maskedTo, string key)
    {
        switch (outcome)
        {
            case SmsAccepted accepted when call:
                LogCallAccepted(logger, accepted.ProviderId, maskedTo, accepted.Status, key);
                break;
            case SmsAccepted accepted:
                LogSmsAccepted(logger, accepted.ProviderId, maskedTo, accepted.Status, key);
                break;
            case SmsTransientFailure transient when call:
                LogCallGaveUp(logger, maskedTo, transient.Reason, key);
                break;
            case SmsTransientFailure transient:
                LogSmsGaveUp(logger, maskedTo, transient.Reason, key);
                break;
            case SmsPermanentFailure permanent when call:
                LogCallRejected(logger, maskedTo, permanent.ErrorCode, permanent.Reason, key);
                break;
            case SmsPermanentFailure permanent:
                LogSmsRejected(logger, maskedTo, permanent.ErrorCode, permanent.Reason, key);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio accepted SMS {MessageSid} to {To} with status {Status} (key {IdempotencyKey})")]
    private static partial void LogSmsAccepted(ILogger logger, string messageSid, string to, string status, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio SMS to {To} failed after the retries: {Reason} (key {IdempotencyKey})")]
    private static partial void LogSmsGaveUp(ILogger logger, string to, string reason, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio rejected SMS to {To} with error {ErrorCode}: {Reason} (key {IdempotencyKey})")]
    private static partial void LogSmsRejected(ILogger logger, string to, int? errorCode, string reason, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio accepted call {CallSid} to {To} with status {Status} (key {IdempotencyKey})")]
    private static partial void LogCallAccepted(ILogger logger, string callSid, string to, string status, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio call to {To} failed after the retries: {Reason} (key {IdempotencyKey})")]
    private static partial void LogCallGaveUp(ILogger logger, string to, string reason, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio rejected call to {To} with error {ErrorCode}: {Reason} (key {IdempotencyKey})")]
    private static partial void LogCallRejected(ILogger logger, string to, int? errorCode, string reason, string idempotencyKey);
}
