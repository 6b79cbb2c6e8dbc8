namespace StandbyOps.Paging.Sms;

/// <summary>Sends each SMS with the provider in force (<see cref="SmsProviderInForce{T}"/>), so a reload of <c>sms</c> reaches the next text.</summary>
public sealed class ConfiguredSmsSender(SmsProviderInForce<ISmsSender> provider) : ISmsSender
{
    /// <summary>The sender the configuration in force chooses.</summary>
    public ISmsSender Current => provider.Current;

    /// <inheritdoc />
    public Task<SmsSendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken) => Current.SendAsync(sms, cancellationToken);
}
