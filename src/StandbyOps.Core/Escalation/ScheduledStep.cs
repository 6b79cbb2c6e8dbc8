using NodaTime;

namespace StandbyOps.Core.Escalation;

/// <summary>
/// The <see cref="Index"/>-th step an escalation runs: <see cref="Step"/> of round <see cref="Round"/> (0 = the
/// first pass), due <see cref="DueAfter"/> after the incident opened.
/// </summary>
public sealed record ScheduledStep(int Index, int Round, EscalationStep Step, Duration DueAfter);
