using StandbyOps.Configuration.Sms;

namespace StandbyOps.Paging.Sms;

/// <summary>
/// The sender of the SMS provider in force: read from the configuration in force (<c>sms</c>) at each use, so a reload
/// reaches the next page. The Twilio sender is built again only when the <c>sms</c> section changed; the log sender is kept.
/// </summary>
/// <typeparam name="T">The sender kind: texts or calls.</typeparam>
public sealed class SmsProviderInForce<T>
    where T : class
{
    private readonly Func<SmsConfig> _sms;
    private readonly Func<TwilioConfig, T> _twilio;
    private readonly T _log;
    private Built? _built;

    /// <summary>Chooses between <paramref name="twilio"/> (built from <c>sms.twilio</c>) and <paramref name="log"/> by <paramref name="sms"/>, the section in force.</summary>
    public SmsProviderInForce(Func<SmsConfig> sms, Func<TwilioConfig, T> twilio, T log)
    {
        ArgumentNullException.ThrowIfNull(sms);
        ArgumentNullException.ThrowIfNull(twilio);
        ArgumentNullException.ThrowIfNull(log);
        _sms = sms;
        _twilio = twilio;
        _log = log;
    }

    /// <summary>The sender for the configuration in force.</summary>
    public T Current
    {
        get
        {
            var sms = _sms();
            if (sms.Provider != SmsProvider.Twilio || sms.Twilio is not { } twilio)
            {
                return _log;
            }

            var built = Volatile.Read(ref _built);
            if (built is null || !built.Twilio.Equals(twilio))
            {
                // Two sends racing past a reload may both build; either sender is right for the section in force.
                built = new Built(twilio, _twilio(twilio));
                Volatile.Write(ref _built, built);
            }

            return built.Sender;
        }
    }

    private sealed record Built(TwilioConfig Twilio, T Sender);
}
