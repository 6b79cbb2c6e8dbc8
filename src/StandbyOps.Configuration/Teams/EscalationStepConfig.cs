using NodaTime;

namespace StandbyOps.Configuration.Teams;

/// <summary>Whom an escalation step notifies.</summary>
public enum EscalationTargetKind
{
    /// <summary>The engineer on standby (or on duty) per the rota.</summary>
    OnCall,

    /// <summary>The next engineer in the rotation after the on-call one.</summary>
    Backup,

    /// <summary>The engineers named in <see cref="EscalationStepConfig.Engineers"/>.</summary>
    Engineers,
}

/// <summary>
/// One escalation step: <see cref="After"/> the incident opened, notify <see cref="Target"/> through <see cref="Via"/>
/// (default <see cref="EscalationChannel.Sms"/>). Steps are sorted by After.
/// </summary>
public sealed record EscalationStepConfig(Duration After, EscalationTargetKind Target, IReadOnlyList<string> Engineers, EscalationChannel Via = EscalationChannel.Sms);
