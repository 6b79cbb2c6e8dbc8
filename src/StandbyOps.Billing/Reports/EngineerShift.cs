using NodaTime;

namespace StandbyOps.Billing.Reports;

/// <summary>A stretch of time an engineer was on standby (from the rota, with overrides applied).</summary>
public sealed record EngineerShift
{
    /// <summary>Creates a shift; it must end after it starts.</summary>
    public EngineerShift(string engineer, Instant start, Instant end)
    {
        Engineer = Preconditions.NotBlank(engineer, nameof(engineer));
        (Start, End) = Preconditions.Period(start, end, $"The shift of {engineer}");
    }

    /// <summary>Engineer id.</summary>
    public string Engineer { get; }

    /// <summary>Start (inclusive).</summary>
    public Instant Start { get; }

    /// <summary>End (exclusive).</summary>
    public Instant End { get; }
}
