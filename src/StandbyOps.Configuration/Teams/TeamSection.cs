using NodaTime;
using StandbyOps.Configuration.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration.Teams;

/// <summary>Reads one entry of <c>teams:</c>.</summary>
internal static class TeamSection
{
    private const int MaxEscalationRepeat = 10;
    private static readonly string[] Keys = ["timeZone", "engineers", "rotation", "duty", "escalation", "escalationRepeat", "groupWait", "allClear"];
    private static readonly string[] EngineerKeys = ["name", "phone", "timeZone"];
    private static readonly string[] RotationKeys = ["every", "handover", "order", "start"];
    private static readonly string[] StepKeys = ["after", "notify", "via"];

    private static readonly Func<string, Parsed<EscalationChannel>> ParseChannel =
        Choices.Of(("sms", EscalationChannel.Sms), ("voice", EscalationChannel.Voice));

    private static readonly Func<string, Parsed<RotationPeriod>> ParsePeriod =
        Choices.Of(("week", RotationPeriod.Week), ("day", RotationPeriod.Day));

    /// <summary>A team with the positions later checks report at.</summary>
    public sealed record TeamEntry(TeamConfig Config, Mark Anchor, IReadOnlyList<Mark> StepMarks);

    public static TeamEntry? Read(ConfigReader reader, string id, MappingReader.Entry entry)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"team '{id}'", Keys) is not { } team)
        {
            return null;
        }

        var zone = team.Parse("timeZone", Zones.Parse, DateTimeZone.Utc, "Europe/Amsterdam");
        var engineers = team.IdMap("engineers", "engineer", (engineerId, e) => ReadEngineer(reader, engineerId, e, zone));
        if (engineers.Count == 0)
        {
            reader.Error(team.MarkOf("engineers"), $"{team.What} has no engineers",
                "add engineers: { anna: { name: Anna de Vries, phone: \"+31612345678\" } }");
        }

        var rotation = ReadRotation(team, "rotation", engineers);
        var duty = ReadRotation(team, "duty", engineers);
        var (steps, stepMarks) = ReadEscalation(team, engineers, rotation);
        var repeat = team.Int("escalationRepeat", 0, 0, MaxEscalationRepeat);
        var groupWait = team.Parse("groupWait", Durations.Parse, TeamConfig.DefaultGroupWait);
        var allClear = team.Bool("allClear", false);
        var config = new TeamConfig(id, zone, engineers, rotation, duty, steps, repeat, groupWait, allClear);
        return new TeamEntry(config, entry.KeyMark, stepMarks);
    }

    private static EngineerConfig? ReadEngineer(ConfigReader reader, string id, MappingReader.Entry entry, DateTimeZone teamZone)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"engineer '{id}'", EngineerKeys) is not { } engineer)
        {
            return null;
        }

        var name = engineer.RequiredString("name", "Anna de Vries");
        var phone = engineer.Parse("phone", Names.ParsePhone, "", "\"+31612345678\"");
        var zone = engineer.Parse("timeZone", Zones.Parse, teamZone);
        return new EngineerConfig(id, name, phone, zone);
    }

    private static RotationConfig? ReadRotation(MappingReader team, string key, IReadOnlyDictionary<string, EngineerConfig> engineers)
    {
        if (team.Mapping(key, $"{key} of {team.What}", RotationKeys) is not { } rotation)
        {
            return null;
        }

        var every = rotation.Parse("every", ParsePeriod, RotationPeriod.Week, "week");
        IsoDayOfWeek? handoverDay = null;
        var handoverTime = new LocalTime(8, 30);
        if (rotation.Required("handover", every == RotationPeriod.Week ? "\"mon 08:30\"" : "\"08:30\"") is { } handover)
        {
            var parts = handover.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var time = TimeText.ParseTime(parts.Length > 0 ? parts[^1] : "");
            var day = parts.Length == 2 ? DayNames.Parse(parts[0]) : default;
            if (parts.Length is < 1 or > 2 || !time.Ok || (parts.Length == 2 && (!day.Ok || day.Value.Count != 1)))
            {
                rotation.Invalid(handover, "handover", "not a handover moment",
                    "write \"mon 08:30\" (day and time) for weekly rotations or \"08:30\" for daily ones");
            }
            else
            {
                handoverTime = time.Value;
                handoverDay = parts.Length == 2 ? day.Value[0] : null;
                if (every == RotationPeriod.Week && handoverDay is null)
                {
                    rotation.Invalid(handover, "handover", "a weekly rotation needs a handover day", $"write \"mon {parts[0]}\" (the day shifts change)");
                }
                else if (every == RotationPeriod.Day && handoverDay is not null)
                {
                    rotation.Invalid(handover, "handover", "a daily rotation hands over every day", $"write \"{parts[1]}\" without the day, or use every: week");
                }
            }
        }

        var order = new List<string>();
        if (rotation.Has("order"))
        {
            foreach (var item in rotation.Items("order"))
            {
                if (team.Reader.Scalar(item, "order", rotation.What) is { } name
                    && CheckEngineer(team, name, engineers, $"order of {rotation.What}"))
                {
                    if (order.Contains(name.Value))
                    {
                        team.Reader.Warning(name.Start, $"engineer '{name.Value}' is listed more than once in order of {rotation.What}",
                            "list each engineer once unless they should take several turns per cycle");
                    }

                    order.Add(name.Value);
                }
            }
        }
        else
        {
            rotation.Missing("order", "[anna, bram]");
        }

        var start = rotation.Parse("start", TimeText.ParseDate, new LocalDate(2026, 1, 5), "\"2026-01-05\"");
        return new RotationConfig(every, handoverDay, handoverTime, order, start);
    }

    private static (IReadOnlyList<EscalationStepConfig> Steps, IReadOnlyList<Mark> Marks) ReadEscalation(
        MappingReader team, IReadOnlyDictionary<string, EngineerConfig> engineers, RotationConfig? rotation)
    {
        if (team.Find("escalation") is null)
        {
            return ([new EscalationStepConfig(Duration.Zero, EscalationTargetKind.OnCall, [])], [team.Anchor]);
        }

        var steps = new List<EscalationStepConfig>();
        var marks = new List<Mark>();
        var items = team.Items("escalation");
        if (items.Count == 0)
        {
            team.Reader.Error(team.MarkOf("escalation"), $"escalation of {team.What} has no steps",
                "add a step such as - { after: 0m, notify: onCall } (via: sms, the default, or via: voice), or remove 'escalation' for that default");
        }

        foreach (var item in items)
        {
            if (team.Reader.Mapping(item, item.Start, $"escalation step of {team.What}", StepKeys) is not { } step)
            {
                continue;
            }

            var after = step.Parse("after", Durations.Parse, Duration.Zero, "5m");
            var (kind, names) = ReadNotify(team, step, engineers, rotation);
            var via = step.Parse("via", ParseChannel, EscalationChannel.Sms);
            if (steps.Count > 0 && after < steps[^1].After)
            {
                team.Reader.Error(step.MarkOf("after"), $"escalation step after {Durations.Format(after)} of {team.What} comes before the previous step ({Durations.Format(steps[^1].After)})",
                    "list the steps in order of 'after'");
            }

            steps.Add(new EscalationStepConfig(after, kind, names, via));
            marks.Add(step.Find("after")?.Value.Start ?? step.Anchor);
        }

        return (steps, marks);
    }

    private static (EscalationTargetKind Kind, IReadOnlyList<string> Engineers) ReadNotify(
        MappingReader team, MappingReader step, IReadOnlyDictionary<string, EngineerConfig> engineers, RotationConfig? rotation)
    {
        if (!step.Has("notify"))
        {
            step.Missing("notify", "onCall (or backup, or a list of engineers such as [chris])");
            return (EscalationTargetKind.OnCall, []);
        }

        var node = step.Find("notify")!.Value;
        if (node is YamlScalarNode && step.Optional("notify") is { } target)
        {
            switch (target.Value.Trim())
            {
                case "onCall":
                    return (EscalationTargetKind.OnCall, []);
                case "backup":
                    if (rotation is { Order.Count: < 2 })
                    {
                        team.Reader.Warning(target.Start, $"escalation step notifies 'backup' but the rotation of {team.What} has fewer than two engineers",
                            "add engineers to the rotation's order, or notify named engineers instead");
                    }

                    return (EscalationTargetKind.Backup, []);
                default:
                    var fix = engineers.ContainsKey(target.Value.Trim())
                        ? $"write [{target.Value.Trim()}] to notify that engineer"
                        : $"{Suggestions.DidYouMean(target.Value.Trim(), ["onCall", "backup"])}write onCall, backup, or a list of engineers such as [chris]";
                    step.Invalid(target, "notify", "not onCall, backup or a list of engineers", fix);
                    return (EscalationTargetKind.OnCall, []);
            }
        }

        var names = new List<string>();
        foreach (var item in step.Items("notify"))
        {
            if (team.Reader.Scalar(item, "notify", step.What) is { } name && CheckEngineer(team, name, engineers, $"notify of {step.What}"))
            {
                names.Add(name.Value.Trim());
            }
        }

        return (EscalationTargetKind.Engineers, names);
    }

    private static bool CheckEngineer(MappingReader team, Scalar name, IReadOnlyDictionary<string, EngineerConfig> engineers, string where)
    {
        if (engineers.ContainsKey(name.Value.Trim()))
        {
            return true;
        }

        team.Reader.Error(name.Start, $"unknown engineer '{name.Shown}' in {where}",
            $"{Suggestions.DidYouMean(name.Value.Trim(), engineers.Keys)}engineers of {team.What}: {(engineers.Count == 0 ? "none" : string.Join(", ", engineers.Keys))}; add the engineer under engineers: first");
        return false;
    }
}
