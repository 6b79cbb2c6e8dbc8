using NodaTime;

namespace StandbyOps.Core.Escalation;

/// <summary>Notify <see cref="Target"/> once <see cref="After"/> has passed since the incident opened.</summary>
public sealed record EscalationStep
{
    public EscalationStep(Duration after, EscalationTarget target)
    {
        Preconditions.CheckRange(after >= Duration.Zero, nameof(after), after, "An escalation step cannot come before the incident opens.");
        After = after;
        Target = Preconditions.NotNull(target, nameof(target));
    }

    public Duration After { get; }

    public EscalationTarget Target { get; }
}
