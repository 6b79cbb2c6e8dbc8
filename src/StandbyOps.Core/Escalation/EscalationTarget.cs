using NodaTime;

namespace StandbyOps.Core.Escalation;

/// <summary>Whom an escalation target names.</summary>
public enum EscalationTargetKind
{
    OnCall,
    Backup,
    Engineers,
}

/// <summary>Whom an escalation step notifies: the on-call engineer, the backup (next in rotation) or named engineers.</summary>
public sealed record EscalationTarget
{
    private readonly string[] _engineers;

    private EscalationTarget(EscalationTargetKind kind, string[] engineers)
    {
        Kind = kind;
        _engineers = engineers;
    }

    public static EscalationTarget OnCall { get; } = new(EscalationTargetKind.OnCall, []);

    public static EscalationTarget Backup { get; } = new(EscalationTargetKind.Backup, []);

    public EscalationTargetKind Kind { get; }

    /// <summary>The named engineers of an <see cref="EscalationTargetKind.Engineers"/> target; empty otherwise.</summary>
    public IReadOnlyList<string> Engineers => _engineers;

    public static EscalationTarget Named(params string[] engineers)
    {
        Preconditions.NotNull(engineers, nameof(engineers));
        Preconditions.Require(engineers.Length > 0, nameof(engineers), "A step that names engineers names at least one.");
        Preconditions.Require(engineers.All(e => !string.IsNullOrWhiteSpace(e)), nameof(engineers), "Engineer ids must not be empty.");
        return new EscalationTarget(EscalationTargetKind.Engineers, engineers.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The engineers to notify at <paramref name="t"/>; empty for a backup when the rotation has no one else.</summary>
    public IReadOnlyList<string> Resolve(Rota.Rota rota, Instant t)
    {
        Preconditions.NotNull(rota, nameof(rota));
        return Kind switch
        {
            EscalationTargetKind.OnCall => [rota.OnCallAt(t)],
            EscalationTargetKind.Backup => rota.BackupAt(t) is { } backup ? [backup] : [],
            _ => _engineers,
        };
    }

    public bool Equals(EscalationTarget? other)
        => other is not null && Kind == other.Kind && _engineers.AsSpan().SequenceEqual(other._engineers);

    public override int GetHashCode() => HashCode.Combine(Kind, _engineers.Length == 0 ? null : _engineers[0]);

    public override string ToString() => Kind switch
    {
        EscalationTargetKind.OnCall => "onCall",
        EscalationTargetKind.Backup => "backup",
        _ => $"[{string.Join(", ", _engineers)}]",
    };
}
