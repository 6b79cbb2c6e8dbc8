using NodaTime;

namespace StandbyOps.Configuration.Customers;

/// <summary>How an SLA target is measured.</summary>
public enum SlaTargetKind
{
    /// <summary><c>4 business hours</c>: open time of the customer's calendar.</summary>
    BusinessHours,

    /// <summary><c>2 business days</c>: multiples of the calendar's regular weekday opening.</summary>
    BusinessDays,

    /// <summary><c>30m</c>, <c>4h</c>: elapsed time.</summary>
    WallClock,
}

/// <summary>
/// A validated SLA target. <see cref="Amount"/> counts business hours or business days;
/// <see cref="Elapsed"/> is the wall-clock duration (zero for business targets). <see cref="Text"/> is
/// the target as written, e.g. <c>4 business hours</c>.
/// </summary>
public sealed record SlaTargetConfig(SlaTargetKind Kind, decimal Amount, Duration Elapsed, string Text)
{
    public override string ToString() => Text;
}

/// <summary>The SLA for one priority: a response target and an optional resolution target.</summary>
public sealed record SlaTermsConfig(SlaTargetConfig Response, SlaTargetConfig? Resolution);
