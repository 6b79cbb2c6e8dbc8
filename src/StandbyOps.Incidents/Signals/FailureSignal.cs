using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Incidents.Signals;

/// <summary>A monitored thing is failing: opens an incident for <see cref="DedupKey"/>, or counts against the open one.</summary>
/// <param name="Customer">Customer id (Alertmanager alerts that match no customer use <c>unrouted</c>).</param>
/// <param name="System">System id within the customer.</param>
/// <param name="Source">Which kind of monitoring raised it.</param>
/// <param name="DedupKey">One non-closed incident exists per key, e.g. <c>check:acme/web/https</c>.</param>
/// <param name="Priority">Resolved by the caller, see <c>Priorities.PriorityResolver</c>.</param>
/// <param name="Title">Short human title of the incident.</param>
/// <param name="Reason">Why this particular signal failed (timeline text).</param>
/// <param name="At">When the failure was observed.</param>
/// <param name="AutoResolve">Whether a later <see cref="RecoverySignal"/> resolves the incident by itself.</param>
/// <param name="OpenedBy">The person who opened a ticket by hand (desk, portal, mail); null: the source itself, as <c>system:check</c>.</param>
public sealed record FailureSignal(
    string Customer,
    string System,
    SignalSource Source,
    string DedupKey,
    Priority Priority,
    string Title,
    string Reason,
    Instant At,
    bool AutoResolve = true,
    Desk.Actor? OpenedBy = null);
