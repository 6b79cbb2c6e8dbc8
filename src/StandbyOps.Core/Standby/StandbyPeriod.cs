using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>A one-off agreed standby period (e.g. a migration weekend) on top of the contract's recurring coverage.</summary>
public sealed record StandbyPeriod
{
    /// <summary>Creates a period; it must end after it starts.</summary>
    public StandbyPeriod(Instant start, Instant end, string? note = null)
    {
        (Start, End) = Preconditions.Period(start, end, "A standby period");
        Note = note;
    }

    /// <summary>Start (inclusive).</summary>
    public Instant Start { get; }

    /// <summary>End (exclusive).</summary>
    public Instant End { get; }

    /// <summary>Free text, e.g. "migration weekend".</summary>
    public string? Note { get; }

    /// <summary>The period as an interval.</summary>
    public Interval Interval => new(Start, End);
}
