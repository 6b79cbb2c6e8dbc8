using Microsoft.Extensions.Logging;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Voice;
using Twilio.Rest.Api.V2010.Account;
using TwilioHttpMethod = Twilio.Http.HttpMethod;
using TwilioNumber = Twilio.Types.PhoneNumber;

namespace StandbyOps.Paging.Twilio;

/// <summary>
/// Places paging calls with the Twilio SDK (<c>CallResource.CreateAsync</c>) over the same <see cref="IHttpClientFactory"/>
/// pipeline as <see cref="TwilioSmsSender"/> (retries, timeouts, <c>sms.twilio.baseUrl</c>), from <c>sms.twilio.from</c>.
/// Twilio fetches the call's TwiML from <see cref="OutgoingCall.TwimlUrl"/> with POST and reports its final status
/// (completed, busy, no-answer, failed, canceled) to <see cref="OutgoingCall.StatusCallbackUrl"/>.
/// </summary>
/// <remarks>Outcomes, and their logging, as for texts (<see cref="TwilioRest"/>); never logs credentials; numbers are masked.</remarks>
public sealed class TwilioCallSender : ICallSender
{
    /// <summary>How long Twilio lets the phone ring before it reports <c>no-answer</c>, in seconds.</summary>
    public const int RingSeconds = 30;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TwilioOptions _options;
    private readonly ILogger<TwilioCallSender> _logger;

    /// <summary>Creates a sender; <paramref name="options"/> are validated here.</summary>
    public TwilioCallSender(IHttpClientFactory httpClientFactory, TwilioOptions options, ILogger<TwilioCallSender> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Validate();
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<SmsSendOutcome> CallAsync(OutgoingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(_options.From))
        {
            // The configuration refuses a voice step without it; a Messaging Service cannot place calls.
            return new SmsPermanentFailure(null, "sms.twilio.from is not set: a call needs a caller number");
        }

        var client = TwilioRest.Client(_httpClientFactory, _options);
        var options = new CreateCallOptions(new TwilioNumber(call.To), new TwilioNumber(_options.From))
        {
            Url = call.TwimlUrl,
            Method = TwilioHttpMethod.Post,
            StatusCallback = call.StatusCallbackUrl,
            StatusCallbackMethod = TwilioHttpMethod.Post,
            Timeout = RingSeconds,
        };
        return await TwilioRest.CreateAsync(
            async () =>
            {
                var created = await CallResource.CreateAsync(options, client).ConfigureAwait(false);
                return (created.Sid, created.Status?.ToString());
            },
            call.To,
            "call",
            call.IdempotencyKey,
            _logger,
            cancellationToken).ConfigureAwait(false);
    }
}
