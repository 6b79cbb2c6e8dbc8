using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Twilio;

/// <summary>Sends SMS through Twilio's Messages REST API (PROTOCOLS.md §1), retrying transient failures.</summary>
/// <remarks>
/// <para>Outcomes: HTTP 2xx → <see cref="SmsAccepted"/> with the <c>SM…</c> sid; 408, 429, 5xx, a timeout or a
/// connection failure → <see cref="SmsTransientFailure"/> (with Retry-After when sent); any other status →
/// <see cref="SmsPermanentFailure"/> with Twilio's error code (21211 bad number, 21610 unsubscribed,
/// 21408 region disabled, 20003 bad credentials, …).</para>
/// <para>Transient outcomes are retried up to <see cref="TwilioOptions.MaxAttempts"/> with exponential
/// backoff and jitter; a Retry-After hint replaces the backoff, capped at <see cref="TwilioOptions.MaxDelay"/>.
/// Twilio's API takes no idempotency key, so an attempt that timed out after Twilio accepted it can
/// produce a duplicate text on retry; for a page a duplicate is better than silence.</para>
/// <para>Never logs the credentials or the message body.</para>
/// </remarks>
public sealed partial class TwilioSmsSender : ISmsSender
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client this sender uses.</summary>
    public const string HttpClientName = "twilio";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TwilioOptions _options;
    private readonly ILogger<TwilioSmsSender> _logger;
    private readonly Uri _messagesUrl;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResiliencePipeline<SmsSendOutcome> _pipeline;

    /// <summary>Creates a sender; <paramref name="options"/> are validated here.</summary>
    public TwilioSmsSender(IHttpClientFactory httpClientFactory, TwilioOptions options, ILogger<TwilioSmsSender> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Validate();
        _logger = logger;
        _messagesUrl = new Uri(
            options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/2010-04-01/Accounts/" + Uri.EscapeDataString(options.AccountSid) + "/Messages.json");
        _authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password)));
        _pipeline = BuildPipeline(options);
    }

    /// <inheritdoc />
    public async Task<SmsSendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var attempt = 0;
        var outcome = await _pipeline.ExecuteAsync(
            async ct => await AttemptAsync(sms, ++attempt, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

        switch (outcome)
        {
            case SmsAccepted accepted:
                LogAccepted(_logger, accepted.ProviderId, PhoneNumber.Mask(sms.To), accepted.Status, attempt, sms.IdempotencyKey);
                break;
            case SmsTransientFailure transient:
                LogGaveUp(_logger, PhoneNumber.Mask(sms.To), attempt, transient.Reason, sms.IdempotencyKey);
                break;
            case SmsPermanentFailure permanent:
                LogRejected(_logger, PhoneNumber.Mask(sms.To), permanent.ErrorCode, permanent.Reason, sms.IdempotencyKey);
                break;
        }

        return outcome;
    }

    private ResiliencePipeline<SmsSendOutcome> BuildPipeline(TwilioOptions options)
    {
        var builder = new ResiliencePipelineBuilder<SmsSendOutcome>();
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<SmsSendOutcome>
            {
                ShouldHandle = new PredicateBuilder<SmsSendOutcome>().HandleResult(outcome => outcome is SmsTransientFailure),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,

                // Polly does not cap generated delays, so the provider's hint is capped here.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is SmsTransientFailure { RetryAfter: { } hint }
                        ? (TimeSpan?)(hint < options.MaxDelay ? hint : options.MaxDelay)
                        : null),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is SmsTransientFailure failure ? failure.Reason : "unknown";
                    // AttemptNumber is zero-based and names the attempt that just failed.
                    LogRetry(_logger, args.AttemptNumber + 2, reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private async Task<SmsSendOutcome> AttemptAsync(OutgoingSms sms, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _messagesUrl) { Content = new FormUrlEncodedContent(FormFields(sms)) };
            request.Headers.Authorization = _authorization;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return Interpret(response, body, sms.To);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SmsTransientFailure($"Twilio did not answer within {_options.Timeout.TotalSeconds:0.###} s (attempt {attempt})", null);
        }
        catch (HttpRequestException e)
        {
            return new SmsTransientFailure($"Twilio unreachable: {e.HttpRequestError} ({e.Message})", null);
        }
    }

    private List<KeyValuePair<string, string>> FormFields(OutgoingSms sms)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", sms.To) };
        if (!string.IsNullOrEmpty(_options.From))
        {
            fields.Add(new("From", _options.From));
        }

        if (!string.IsNullOrEmpty(_options.MessagingServiceSid))
        {
            fields.Add(new("MessagingServiceSid", _options.MessagingServiceSid));
        }

        fields.Add(new("Body", sms.Body));
        if (sms.StatusCallbackUrl is not null)
        {
            fields.Add(new("StatusCallback", sms.StatusCallbackUrl));
        }

        return fields;
    }

    private static SmsSendOutcome Interpret(HttpResponseMessage response, string body, string to)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var (sid, messageStatus) = ReadMessage(body);

            // Twilio took the message but we cannot name it; retrying could send it twice.
            return sid is null
                ? new SmsPermanentFailure(null, $"Twilio answered {status} without a message sid")
                : new SmsAccepted(sid, messageStatus ?? "queued");
        }

        var (code, message) = ReadError(body);

        // Twilio's messages quote the number ("Invalid 'To' Phone Number: +316…"); logs get it masked.
        message = message?.Replace(to, PhoneNumber.Mask(to), StringComparison.Ordinal);
        var reason = code is null
            ? string.Create(CultureInfo.InvariantCulture, $"Twilio {status} {response.ReasonPhrase}")
            : string.Create(CultureInfo.InvariantCulture, $"Twilio {status} error {code}: {message}");

        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500
            ? new SmsTransientFailure(reason, RetryAfter(response))
            : new SmsPermanentFailure(code, reason);
    }

    private static (string? Sid, string? Status) ReadMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body, JsonOptions);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (StringProperty(root, "sid"), StringProperty(root, "status"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static (int? Code, string? Message) ReadError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body, JsonOptions);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;

            // RFC 9457-shaped errors say "detail"/"title"; the legacy shape says "message".
            var message = StringProperty(root, "message") ?? StringProperty(root, "detail") ?? StringProperty(root, "title");
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        // A date hint is read against the response's own Date header, so no local clock is needed.
        if (header?.Date is { } date && response.Headers.Date is { } now)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio accepted SMS {MessageSid} to {To} with status {Status} after {Attempts} attempt(s) (key {IdempotencyKey})")]
    private static partial void LogAccepted(ILogger logger, string messageSid, string to, string status, int attempts, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio SMS attempt failed, retry {NextAttempt} in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, int nextAttempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio SMS to {To} failed after {Attempts} attempt(s): {Reason} (key {IdempotencyKey})")]
    private static partial void LogGaveUp(ILogger logger, string to, int attempts, string reason, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio rejected SMS to {To} with error {ErrorCode}: {Reason} (key {IdempotencyKey})")]
    private static partial void LogRejected(ILogger logger, string to, int? errorCode, string reason, string idempotencyKey);
}
