using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Voice;

/// <summary>Places one paging call and reports the same explicit outcomes a text send does; failures are outcomes, not exceptions.</summary>
public interface ICallSender
{
    /// <summary>Places <paramref name="call"/>. Throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    Task<SmsSendOutcome> CallAsync(OutgoingCall call, CancellationToken cancellationToken);
}
