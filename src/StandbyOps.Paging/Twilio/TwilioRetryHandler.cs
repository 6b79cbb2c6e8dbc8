using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace StandbyOps.Paging.Twilio;

/// <summary>
/// The retry and timeout stage of the <c>twilio</c> HTTP client: every attempt gets <see cref="TwilioOptions.Timeout"/>;
/// 408, 429, 5xx, a timeout or a connection failure is tried again up to <see cref="TwilioOptions.MaxAttempts"/> in
/// all, with exponential backoff and jitter from <see cref="TwilioOptions.BaseDelay"/>; a Retry-After hint replaces
/// the backoff, capped at <see cref="TwilioOptions.MaxDelay"/>. The last answer (or failure) goes back to the SDK.
/// </summary>
/// <remarks>
/// Twilio's API takes no idempotency key, so an attempt that timed out after Twilio accepted it can produce a
/// duplicate text on retry; for a page a duplicate is better than silence. Never logs credentials or bodies.
/// </remarks>
public sealed partial class TwilioRetryHandler : DelegatingHandler
{
    private readonly TwilioOptions _options;
    private readonly ILogger<TwilioRetryHandler> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the stage with the retry settings of <paramref name="options"/>.</summary>
    public TwilioRetryHandler(TwilioOptions options, ILogger<TwilioRetryHandler> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _pipeline = Build(options);
    }

    /// <summary>Whether Twilio answered with a status worth another attempt.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The form content is buffered, so the same request message can be sent again down the pipeline.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _pipeline.ExecuteAsync(
            async ct => await AttemptAsync(request, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(timeout.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Twilio did not answer within {_options.Timeout.TotalSeconds:0.###} s", e);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(TwilioOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,

                // Polly does not cap generated delays, so the provider's hint is capped here.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result) is { } hint
                    ? (TimeSpan?)(hint < options.MaxDelay ? hint : options.MaxDelay)
                    : null),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";

                    // The answer that is retried is not handed on; its connection goes back to the pool.
                    args.Outcome.Result?.Dispose();

                    // AttemptNumber is zero-based and names the attempt that just failed.
                    LogRetry(args.AttemptNumber + 2, reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        // A date hint is read against the response's own Date header, so no local clock is needed.
        if (header?.Date is { } date && response!.Headers.Date is { } now)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio request failed, attempt {NextAttempt} in {Delay}: {Reason}")]
    private partial void LogRetry(int nextAttempt, string reason, TimeSpan delay);
}
