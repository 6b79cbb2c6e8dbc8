using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Voice;

/// <summary>Places each call with the provider in force (<see cref="SmsProviderInForce{T}"/>), so a reload of <c>sms</c> reaches the next call.</summary>
public sealed class ConfiguredCallSender(SmsProviderInForce<ICallSender> provider) : ICallSender
{
    /// <inheritdoc />
    public Task<SmsSendOutcome> CallAsync(OutgoingCall call, CancellationToken cancellationToken) => provider.Current.CallAsync(call, cancellationToken);
}
