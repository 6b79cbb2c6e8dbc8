using NodaTime;

namespace StandbyOps.Configuration.Teams;

/// <summary>
/// A team: its zone, engineers by id, the standby <see cref="Rotation"/> and optional office-hours
/// <see cref="Duty"/> rotation, the escalation policy (default: one step, notify on-call at 0m),
/// how often the whole policy repeats after its last step (<see cref="EscalationRepeat"/>, default 0)
/// the SMS grouping window (<see cref="GroupWait"/>, default 15s) and whether the engineers paged about a ticket get
/// an all-clear SMS when it resolves (<see cref="AllClear"/>, default false).
/// </summary>
public sealed record TeamConfig(
    string Id,
    DateTimeZone Zone,
    IReadOnlyDictionary<string, EngineerConfig> Engineers,
    RotationConfig? Rotation,
    RotationConfig? Duty,
    IReadOnlyList<EscalationStepConfig> Escalation,
    int EscalationRepeat,
    Duration GroupWait,
    bool AllClear = false)
{
    public static readonly Duration DefaultGroupWait = Duration.FromSeconds(15);
}
