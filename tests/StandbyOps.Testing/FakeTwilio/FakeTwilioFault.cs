namespace StandbyOps.Testing.FakeTwilio;

/// <summary>A failure the <see cref="FakeTwilioServer"/> plays for the next request(s) instead of its normal answer.</summary>
public abstract record FakeTwilioFault
{
    private protected FakeTwilioFault()
    {
    }

    /// <summary>Answer with a 5xx and Twilio's error JSON (code 20500).</summary>
    public static FakeTwilioFault ServerError(int status = 500) =>
        status is >= 500 and <= 599 ? new ServerErrorFault(status) : throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is 5xx.");

    /// <summary>Answer 429 with code 20429 and, when given, a <c>Retry-After</c> header in whole seconds.</summary>
    public static FakeTwilioFault TooManyRequests(TimeSpan? retryAfter = null) => new TooManyRequestsFault(retryAfter);

    /// <summary>Wait <paramref name="delay"/> (or until the client gives up) before answering normally.</summary>
    public static FakeTwilioFault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>
    /// Accept and record the request normally, then hold the answer for <paramref name="delay"/>: the message exists (and
    /// its status callback can be sent) before the client learns its sid, as can happen with the real Twilio.
    /// </summary>
    public static FakeTwilioFault HoldAnswer(TimeSpan delay) => new HoldAnswerFault(delay);

    /// <summary>Answer <paramref name="httpStatus"/> with Twilio error <paramref name="code"/>.</summary>
    public static FakeTwilioFault Error(int code, int httpStatus = 400, string? message = null) =>
        new ErrorCodeFault(code, httpStatus, message ?? $"Fake Twilio error {code}");
}

/// <summary>See <see cref="FakeTwilioFault.ServerError"/>.</summary>
public sealed record ServerErrorFault(int Status) : FakeTwilioFault;

/// <summary>See <see cref="FakeTwilioFault.TooManyRequests"/>.</summary>
public sealed record TooManyRequestsFault(TimeSpan? RetryAfter) : FakeTwilioFault;

/// <summary>See <see cref="FakeTwilioFault.Delay"/>.</summary>
public sealed record DelayFault(TimeSpan Duration) : FakeTwilioFault;

/// <summary>See <see cref="FakeTwilioFault.HoldAnswer"/>.</summary>
public sealed record HoldAnswerFault(TimeSpan Duration) : FakeTwilioFault;

/// <summary>See <see cref="FakeTwilioFault.Error"/>.</summary>
public sealed record ErrorCodeFault(int Code, int Status, string Message) : FakeTwilioFault;
