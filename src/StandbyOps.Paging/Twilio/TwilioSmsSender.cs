using System.Net;
using Microsoft.Extensions.Logging;
using StandbyOps.Paging.Sms;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using TwilioNumber = Twilio.Types.PhoneNumber;

namespace StandbyOps.Paging.Twilio;

/// <summary>Sends SMS with the Twilio SDK (<c>MessageResource.CreateAsync</c>) over the <see cref="IHttpClientFactory"/> client <see cref="HttpClientName"/>.</summary>
/// <remarks>
/// <para>The factory's pipeline for that client does the retries and per-attempt timeouts
/// (<see cref="TwilioRetryHandler"/>), re-targets to <c>sms.twilio.baseUrl</c> (<see cref="TwilioBaseUrlHandler"/>)
/// and logs; this class only maps what the SDK reports to an outcome.</para>
/// <para>Outcomes: a created message → <see cref="SmsAccepted"/> with the <c>SM…</c> sid; 408, 429, 5xx, a
/// timeout or a connection failure (after the pipeline's retries) → <see cref="SmsTransientFailure"/>; any other
/// status → <see cref="SmsPermanentFailure"/> with Twilio's error code (21211 bad number, 21610 unsubscribed,
/// 21408 region disabled, 20003 bad credentials, …).</para>
/// <para>Never logs the credentials or the message body; numbers are masked.</para>
/// </remarks>
public sealed class TwilioSmsSender : ISmsSender
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client this sender uses.</summary>
    public const string HttpClientName = "twilio";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TwilioOptions _options;
    private readonly ILogger<TwilioSmsSender> _logger;

    /// <summary>Creates a sender; <paramref name="options"/> are validated here.</summary>
    public TwilioSmsSender(IHttpClientFactory httpClientFactory, TwilioOptions options, ILogger<TwilioSmsSender> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Validate();
        _logger = logger;
    }

    /// <summary>
    /// Runs one message creation through the SDK against a canned in-memory answer (no network), and builds the factory's
    /// pipeline, so the first real page does not pay for loading and compiling them.
    /// </summary>
    public async Task WarmUpAsync()
    {
        _ = _httpClientFactory.CreateClient(HttpClientName);
        using var canned = new System.Net.Http.HttpClient(new CannedMessageHandler());
        var client = new TwilioRestClient(_options.Username, _options.Password, accountSid: _options.AccountSid, httpClient: new SystemNetHttpClient(canned));
        _ = await MessageResource.CreateAsync(
            new CreateMessageOptions(new TwilioNumber("+10000000000")) { Body = "warm-up", From = new TwilioNumber("+10000000001"), StatusCallback = new Uri("http://localhost/") },
            client).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SmsSendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        cancellationToken.ThrowIfCancellationRequested();
        var client = TwilioRest.Client(_httpClientFactory, _options);
        var message = new CreateMessageOptions(new TwilioNumber(sms.To))
        {
            Body = sms.Body,
            From = string.IsNullOrEmpty(_options.From) ? null : new TwilioNumber(_options.From),
            MessagingServiceSid = string.IsNullOrEmpty(_options.MessagingServiceSid) ? null : _options.MessagingServiceSid,
            StatusCallback = sms.StatusCallbackUrl is null ? null : new Uri(sms.StatusCallbackUrl),
        };

        return await TwilioRest.CreateAsync(
            async () =>
            {
                var created = await MessageResource.CreateAsync(message, client).ConfigureAwait(false);
                return (created.Sid, created.Status?.ToString());
            },
            sms.To,
            "message",
            sms.IdempotencyKey,
            _logger,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers every request like Twilio's Messages API, in memory.</summary>
    private sealed class CannedMessageHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent("""{"sid":"SM00000000000000000000000000000000","status":"queued"}""", System.Text.Encoding.UTF8, "application/json"),
            });
    }
}
