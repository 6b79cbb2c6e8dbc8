using NodaTime;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// What a push rule remembers between evaluations (persisted, so a restart does not reset a <c>for</c> or
/// <c>absentFor</c> that was already running).
/// </summary>
/// <param name="System">The rule's system.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="ThresholdSince">Since when a matching series has been across the threshold, or null.</param>
/// <param name="MissingSince">Since when no group of the rule's job has existed (for <c>absentFor</c>), or null.</param>
/// <param name="Firing">Whether the incident desk was told the rule fails (and not yet that it recovered).</param>
public sealed record PushRuleState(string System, string Rule, Instant? ThresholdSince, Instant? MissingSince, bool Firing)
{
    /// <summary>The state of a rule never evaluated.</summary>
    public static PushRuleState Initial(PushRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.System, rule.Id, null, null, false);
    }
}
