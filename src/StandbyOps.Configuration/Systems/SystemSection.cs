using System.Collections.ObjectModel;
using NodaTime;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Systems;

/// <summary>Reads one entry of a customer's <c>systems:</c>.</summary>
internal static class SystemSection
{
    /// <summary>Alertmanager alerts that match no system open incidents on this system, so no configured system may take the name.</summary>
    public const string UnroutedSystemId = "unrouted";

    private static readonly string[] Keys = ["name", "criticality", "checks", "heartbeats", "pushRules", "alertmanager", "maintenance", "availabilityTarget"];
    private static readonly string[] AlertmanagerKeys = ["match"];
    private static readonly string[] MaintenanceKeys = ["weekly", "once"];
    private static readonly string[] WeeklyKeys = ["days", "from", "to", "timeZone"];
    private static readonly string[] OnceKeys = ["from", "to", "timeZone"];

    private static readonly Func<string, Parsed<Criticality>> ParseCriticality = Choices.Of(
        ("critical", Criticality.Critical), ("high", Criticality.High), ("medium", Criticality.Medium), ("low", Criticality.Low));

    private static Parsed<decimal> ParseTarget(string text)
    {
        var parsed = MappingReader.ParseDecimal(text, 0m, 100m);
        return parsed.Ok && parsed.Value <= 0m || !parsed.Ok && parsed.Problem == "out of range"
            ? Parsed.Failure<decimal>("out of range", "write a percentage above 0 and at most 100, e.g. 99.9")
            : parsed;
    }

    public static SystemConfig? Read(ConfigReader reader, string id, MappingReader.Entry entry, string customerId, DateTimeZone zone, CustomerContext context)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"system '{id}'", Keys) is not { } system)
        {
            return null;
        }

        if (id == UnroutedSystemId)
        {
            reader.Error(entry.KeyMark, $"system id '{id}' is reserved",
                "rename the system: 'unrouted' holds Alertmanager alerts that match no system");
        }
        else if (!context.SystemIds.TryClaim(id, entry.KeyMark, $"customer '{customerId}'", out var first))
        {
            reader.Error(entry.KeyMark, $"system id '{id}' is already used by {first.Owner} (line {first.Mark.Line})",
                "rename one: system ids are unique across customers because they name incidents (system/check)");
        }

        var name = system.String("name") ?? id;
        var criticality = system.Parse("criticality", ParseCriticality, Criticality.Medium);
        var priority = criticality.DefaultPriority();

        // Checks, heartbeats and push rules name dedup keys system/<id>, so they share one id space.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        bool Claim(string kind, string itemId, MappingReader.Entry item)
        {
            if (ids.TryGetValue(itemId, out var other))
            {
                reader.Error(item.KeyMark, $"{kind} id '{itemId}' in {system.What} is already the id of a {other}",
                    "rename one: checks, heartbeats and push rules of a system share one id space (incidents are named system/id)");
                return false;
            }

            ids[itemId] = kind;
            return true;
        }

        var checks = system.IdMap("checks", "check", (checkId, e) =>
            Claim("check", checkId, e) ? CheckSection.Read(reader, checkId, e, priority) : null);
        var heartbeats = system.IdMap("heartbeats", "heartbeat", (heartbeatId, e) =>
            Claim("heartbeat", heartbeatId, e) ? HeartbeatSection.Read(reader, heartbeatId, e, priority, zone, context.HeartbeatTokens) : null);
        var pushRules = system.IdMap("pushRules", "push rule", (ruleId, e) =>
            Claim("push rule", ruleId, e) ? PushRuleSection.Read(reader, ruleId, e, priority) : null);
        var match = ReadAlertmanager(system, context);
        var maintenance = ReadMaintenance(system, zone);
        var target = system.ParseOptional("availabilityTarget", ParseTarget);
        return new SystemConfig(id, name, criticality, checks, heartbeats, pushRules, match, maintenance, target);
    }

    private static ReadOnlyDictionary<string, string> ReadAlertmanager(MappingReader system, CustomerContext context)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (system.Mapping("alertmanager", $"alertmanager of {system.What}", AlertmanagerKeys) is not { } alertmanager)
        {
            return new ReadOnlyDictionary<string, string>(labels);
        }

        if (alertmanager.Mapping("match", $"alertmanager.match of {system.What}", null, "{ customer: acme, system: webshop }") is { } match)
        {
            foreach (var label in match.Entries)
            {
                if (!Names.IsLabelName(label.Key))
                {
                    system.Reader.Error(label.KeyMark, $"invalid label name '{label.Key}' in {match.What}",
                        "label names are letters, digits and '_', not starting with a digit or '__'");
                }

                if (system.Reader.Scalar(label.Value, label.Key, match.What) is { } value)
                {
                    labels[label.Key] = value.Value;
                }
            }

            if (match.Entries.Count == 0)
            {
                system.Reader.Error(alertmanager.MarkOf("match"), $"alertmanager.match of {system.What} is empty",
                    "name the labels that identify this system's alerts, e.g. { customer: acme, system: webshop }");
            }
            else if (labels.Count == match.Entries.Count)
            {
                var key = string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
                if (!context.AlertmanagerMatches.TryClaim(key, alertmanager.MarkOf("match"), system.What, out var first))
                {
                    system.Reader.Warning(alertmanager.MarkOf("match"), $"alertmanager.match of {system.What} is the same as that of {first.Owner} (line {first.Mark.Line})",
                        "add a label that tells the systems apart; alerts matching both go to the first");
                }
            }
        }

        return new ReadOnlyDictionary<string, string>(labels);
    }

    private static List<MaintenanceWindowConfig> ReadMaintenance(MappingReader system, DateTimeZone zone)
    {
        var windows = new List<MaintenanceWindowConfig>();
        foreach (var item in system.Items("maintenance"))
        {
            var what = $"maintenance window of {system.What}";
            if (system.Reader.Mapping(item, item.Start, what, MaintenanceKeys) is not { } window)
            {
                continue;
            }

            if (window.Has("weekly") == window.Has("once"))
            {
                system.Reader.Error(item.Start, $"a {what} needs exactly one of 'weekly' and 'once'",
                    "write - weekly: { days: [sun], from: \"02:00\", to: \"04:00\" } or - once: { from: \"2026-12-05T22:00\", to: \"2026-12-06T02:00\" }");
                continue;
            }

            MaintenanceWindowConfig? read = window.Has("weekly") ? ReadWeekly(window, zone) : ReadOnce(window, zone);
            if (read is not null)
            {
                windows.Add(read);
            }
        }

        return windows;
    }

    private static WeeklyMaintenanceConfig? ReadWeekly(MappingReader window, DateTimeZone zone)
    {
        if (window.Mapping("weekly", $"weekly {window.What}", WeeklyKeys) is not { } weekly)
        {
            return null;
        }

        if (!weekly.Has("days"))
        {
            weekly.Missing("days", "[sun]");
        }

        var days = weekly.ParseList("days", DayNames.Parse).SelectMany(d => d).Distinct().ToList();
        var from = weekly.Parse("from", TimeText.ParseTime, LocalTime.Midnight, "\"02:00\"");
        var to = weekly.Parse("to", TimeText.ParseTime, LocalTime.Midnight, "\"04:00\"");
        if (from == to && weekly.Has("from") && weekly.Has("to"))
        {
            weekly.Reader.Error(weekly.MarkOf("to"), $"weekly {window.What} starts and ends at {TimeText.Format(from)}",
                "make 'to' differ from 'from'; a 'to' before 'from' ends the next day");
        }

        return new WeeklyMaintenanceConfig(days, from, to, weekly.Parse("timeZone", Zones.Parse, zone));
    }

    private static OneOffMaintenanceConfig? ReadOnce(MappingReader window, DateTimeZone zone)
    {
        if (window.Mapping("once", $"one-off {window.What}", OnceKeys) is not { } once)
        {
            return null;
        }

        var from = once.ParseOptional("from", TimeText.ParseDateTime);
        var to = once.ParseOptional("to", TimeText.ParseDateTime);
        if (!once.Has("from"))
        {
            once.Missing("from", "\"2026-12-05T22:00\"");
        }

        if (!once.Has("to"))
        {
            once.Missing("to", "\"2026-12-06T02:00\"");
        }

        if (from is { } start && to is { } end && end <= start)
        {
            once.Reader.Error(once.Find("to")?.Value.Start ?? once.Anchor,
                $"one-off {window.What} ends ({end:uuuu-MM-ddTHH:mm}) before it starts ({start:uuuu-MM-ddTHH:mm})",
                "make 'to' later than 'from'; a window past midnight ends on the next date, e.g. from: \"2026-12-05T22:00\", to: \"2026-12-06T02:00\"");
        }

        return new OneOffMaintenanceConfig(from ?? default, to ?? default, once.Parse("timeZone", Zones.Parse, zone));
    }
}
