namespace StandbyOps.Paging.Sms;

/// <summary>Sends one SMS and reports an explicit outcome; failures are outcomes, not exceptions.</summary>
public interface ISmsSender
{
    /// <summary>Sends <paramref name="sms"/>. Throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    Task<SmsSendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
