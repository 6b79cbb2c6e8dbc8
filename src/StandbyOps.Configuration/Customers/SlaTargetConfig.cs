using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// A validated SLA target, measured as <see cref="SlaTargetKind"/> (Core's, the one definition). <see cref="Amount"/> counts business hours or business days;
/// <see cref="Elapsed"/> is the wall-clock duration (zero for business targets). <see cref="Text"/> is
/// the target as written, e.g. <c>4 business hours</c>.
/// </summary>
public sealed record SlaTargetConfig(SlaTargetKind Kind, decimal Amount, Duration Elapsed, string Text)
{
    public override string ToString() => Text;
}

/// <summary>The SLA for one priority: a response target and an optional resolution target.</summary>
public sealed record SlaTermsConfig(SlaTargetConfig Response, SlaTargetConfig? Resolution);
