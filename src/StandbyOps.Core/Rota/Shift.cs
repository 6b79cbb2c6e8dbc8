using NodaTime;

namespace StandbyOps.Core.Rota;

/// <summary>The role an engineer holds in a shift.</summary>
public enum ShiftRole
{
    /// <summary>On call (standby): paged inside agreed standby.</summary>
    OnCall,

    /// <summary>Office-hours duty engineer.</summary>
    Duty,
}

/// <summary>An engineer holding a role for [<see cref="Start"/>, <see cref="End"/>).</summary>
public sealed record Shift(string Engineer, ShiftRole Role, Instant Start, Instant End)
{
    public Interval Interval => new(Start, End);
}
