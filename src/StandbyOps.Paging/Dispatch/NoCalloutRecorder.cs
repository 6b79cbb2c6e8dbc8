using NodaTime;
using StandbyOps.Billing.Store;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Used when billing registers no callout recorder: callouts are then not recorded.</summary>
public sealed class NoCalloutRecorder : ICalloutRecorder
{
    /// <inheritdoc />
    public Task OpenAsync(string customer, string engineer, string caseNumber, Instant start, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task CloseAsync(string caseNumber, Instant end, CancellationToken cancellationToken) => Task.CompletedTask;
}
