using NodaTime;

namespace StandbyOps.Incidents.Signals;

/// <summary>A monitored thing recovered: auto-resolves the open incident for <see cref="DedupKey"/> unless it opted out.</summary>
/// <param name="Customer">Customer id.</param>
/// <param name="System">System id within the customer.</param>
/// <param name="Source">Which kind of monitoring raised it.</param>
/// <param name="DedupKey">The key the failure was raised under.</param>
/// <param name="Reason">Why it counts as recovered (timeline text).</param>
/// <param name="At">When the recovery was observed.</param>
public sealed record RecoverySignal(
    string Customer,
    string System,
    SignalSource Source,
    string DedupKey,
    string Reason,
    Instant At);
