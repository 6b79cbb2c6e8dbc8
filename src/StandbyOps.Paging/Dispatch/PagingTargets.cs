using NodaTime;
using StandbyOps.Configuration.Teams;
using StandbyOps.Core.Escalation;
using StandbyOps.Core.Rota;
using CoreRotationPeriod = StandbyOps.Core.Rota.RotationPeriod;
using CoreTargetKind = StandbyOps.Core.Escalation.EscalationTargetKind;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Maps a team's configuration to the Core rota and escalation policy, and resolves whom a step pages.</summary>
public static class PagingTargets
{
    /// <summary>The gap between the last step and the next round when a policy repeats.</summary>
    public static readonly Duration RepeatGap = Duration.FromMinutes(5);

    /// <summary>The team's rota, or null when it has no on-call rotation (then only named steps can page).</summary>
    public static Rota? RotaOf(TeamConfig team, IEnumerable<RotaOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.Rotation is { } onCall
            ? new Rota(team.Zone, ToRotation(onCall), team.Duty is { } duty ? ToRotation(duty) : null, overrides)
            : null;
    }

    /// <summary>
    /// The team's escalation policy, or null without steps. <c>escalationRepeat: n</c> runs the whole list
    /// n more times, each round starting <see cref="RepeatGap"/> after the previous round's last step.
    /// </summary>
    public static EscalationPolicy? PolicyOf(TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.Escalation.Count == 0)
        {
            return null;
        }

        var steps = team.Escalation.Select(ToStep).ToList();
        return team.EscalationRepeat > 0
            ? new EscalationPolicy(steps, steps[^1].After + RepeatGap, team.EscalationRepeat + 1)
            : new EscalationPolicy(steps);
    }

    /// <summary>The engineers <paramref name="step"/> pages at <paramref name="at"/>, known to the team, without repeats.</summary>
    public static IReadOnlyList<string> Resolve(EscalationStep step, Rota? rota, TeamConfig team, Instant at)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(team);
        IReadOnlyList<string> engineers = step.Target.Kind == CoreTargetKind.Engineers
            ? step.Target.Engineers
            : rota is null ? [] : step.Target.Resolve(rota, at);
        return [.. engineers.Where(team.Engineers.ContainsKey).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The duty engineer at <paramref name="at"/>, or null when the team has no duty rotation.</summary>
    public static string? DutyAt(Rota? rota, TeamConfig team, Instant at)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.Duty is null)
        {
            return null;
        }

        return rota is not null ? rota.DutyAt(at) : ToRotation(team.Duty).EngineerAt(at, team.Zone);
    }

    private static EscalationStep ToStep(EscalationStepConfig step) => new(step.After, step.Target switch
    {
        Configuration.Teams.EscalationTargetKind.OnCall => EscalationTarget.OnCall,
        Configuration.Teams.EscalationTargetKind.Backup => EscalationTarget.Backup,
        _ => EscalationTarget.Named([.. step.Engineers]),
    });

    private static Rotation ToRotation(RotationConfig rotation) => new(
        rotation.Every == Configuration.Teams.RotationPeriod.Day ? CoreRotationPeriod.Day : CoreRotationPeriod.Week,
        new Handover(rotation.HandoverDay, rotation.HandoverTime),
        rotation.Order,
        rotation.Start);
}
