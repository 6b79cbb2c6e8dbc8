using StandbyOps.Incidents.Signals;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// One evaluation of one push rule: the state to keep (with <see cref="PushRuleState.Firing"/> as it should be once
/// the signal is delivered) and the failure or recovery to deliver when the verdict changed, else neither.
/// </summary>
public sealed record PushRuleOutcome(PushRule Rule, PushRuleState State, FailureSignal? Failure, RecoverySignal? Recovery)
{
    /// <summary>True when a signal must be delivered.</summary>
    public bool HasSignal => Failure is not null || Recovery is not null;
}
