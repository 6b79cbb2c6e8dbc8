using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Signals;

namespace StandbyOps.Monitoring.Tests.Push;

/// <summary>Keeps every signal it is given (from any thread); can be told to fail, as a desk whose store is down would.</summary>
internal sealed class RecordingSignalSink : ISignalSink
{
    public List<FailureSignal> Failures { get; } = [];

    public List<RecoverySignal> Recoveries { get; } = [];

    public bool Broken { get; set; }

    public Task FailAsync(FailureSignal signal, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new InvalidOperationException("the desk is down");
        }

        lock (Failures)
        {
            Failures.Add(signal);
        }

        return Task.CompletedTask;
    }

    public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new InvalidOperationException("the desk is down");
        }

        lock (Recoveries)
        {
            Recoveries.Add(signal);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
}
