namespace StandbyOps.Paging.Sms;

/// <summary>What became of one send: exactly one of <see cref="SmsAccepted"/>, <see cref="SmsTransientFailure"/>, <see cref="SmsPermanentFailure"/>.</summary>
public abstract record SmsSendOutcome
{
    // Closed: only the three outcomes below exist, so callers can switch exhaustively.
    private protected SmsSendOutcome()
    {
    }
}

/// <summary>The provider took the message; <paramref name="ProviderId"/> is its id (Twilio's <c>SM…</c> sid) and <paramref name="Status"/> its first status.</summary>
public sealed record SmsAccepted(string ProviderId, string Status) : SmsSendOutcome;

/// <summary>Not sent, but trying again later may work (throttling, provider outage, timeout). <paramref name="RetryAfter"/> is the provider's hint, if any.</summary>
public sealed record SmsTransientFailure(string Reason, TimeSpan? RetryAfter) : SmsSendOutcome;

/// <summary>Not sent, and sending the same message again will not help (invalid or unsubscribed number, bad credentials). <paramref name="ErrorCode"/> is the provider's code, if any.</summary>
public sealed record SmsPermanentFailure(int? ErrorCode, string Reason) : SmsSendOutcome;
