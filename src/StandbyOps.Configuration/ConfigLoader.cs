using System.Collections.ObjectModel;
using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.RateCards;
using StandbyOps.Configuration.Reading;
using StandbyOps.Configuration.Sms;
using StandbyOps.Configuration.Store;
using StandbyOps.Configuration.Teams;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration;

/// <summary>
/// Loads and fully validates <c>standbyops.yaml</c> before anything starts. Every problem is
/// collected (not just the first), each with file, line, column, what is wrong and how to fix it;
/// the model is returned only when there are no errors. <c>${VAR}</c> references are resolved through
/// the given environment lookup and their values never appear in diagnostics.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultFileName = "standbyops.yaml";

    private static readonly string[] TopKeys = ["server", "store", "sms", "calendars", "rateCards", "teams", "customers", "mail", "cluster", "seller"];

    /// <summary>Loads the file at <paramref name="path"/>; a missing or unreadable file is an error naming the path.</summary>
    public static ConfigLoadResult LoadFile(string path, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(environment);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileProblem(path, $"configuration file '{Path.GetFullPath(path)}' does not exist",
                "pass the path of an existing file, or start from the annotated example in docs/configuration.md");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileProblem(path, $"configuration file '{Path.GetFullPath(path)}' cannot be read: {e.Message}",
                "check that the file exists and the server's user may read it");
        }

        if (Utf8File.Decode(bytes, out var invalidAt) is not { } text)
        {
            var reader = new ConfigReader(path, environment);
            reader.Error(invalidAt, $"the file is not valid UTF-8: byte(s) {Utf8File.DescribeBytes(bytes, invalidAt)} here are not a character",
                "save the file as UTF-8 (most editors: 'Save with encoding' → UTF-8) and retype the characters around this position");
            return new ConfigLoadResult(null, reader.Diagnostics.ToList());
        }

        return Load(text, path, environment);
    }

    /// <summary>Loads YAML text; <paramref name="fileName"/> names it in diagnostics.</summary>
    public static ConfigLoadResult Load(string yamlText, string fileName, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new ConfigReader(fileName, environment);
        var config = ParseYaml(yamlText, reader) is { } root ? Read(reader, root) : null;
        var diagnostics = reader.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new ConfigLoadResult(reader.HasErrors ? null : config, diagnostics);
    }

    private static StandbyOpsConfig? Read(ConfigReader reader, YamlNode root)
    {
        if (reader.Mapping(root, root.Start, "the top level", TopKeys) is not { } top)
        {
            return null;
        }

        var (server, publicUrlSet) = ServerSection.Read(top);
        var store = StoreSection.Read(top);
        var cluster = Cluster.ClusterSection.Read(top, store);
        var sms = SmsSection.Read(top, publicUrlSet);
        var mail = Mail.MailSection.Read(top);
        var seller = Invoicing.SellerSection.Read(top);
        var calendars = top.IdMap("calendars", "calendar", (id, e) => CalendarSection.Read(reader, id, e));
        var rateCards = top.IdMap("rateCards", "rate card", (id, e) => RateCardSection.Read(reader, id, e));
        var teams = top.IdMap("teams", "team", (id, e) => TeamSection.Read(reader, id, e));
        var calendarConfigs = new OrderedDictionary<string, CalendarConfig>(calendars.Select(c => KeyValuePair.Create(c.Key, c.Value.Config)));
        var context = new CustomerContext(calendarConfigs, rateCards, teams, mail?.Smtp is not null);
        var customers = top.IdMap("customers", "customer", (id, e) => CustomerSection.Read(reader, id, e, context));
        RejectNeverOpenCalendars(reader, calendars, customers.Values);
        WarnAboutSharedPhones(reader, teams.Values);
        CheckVoiceSteps(reader, teams.Values, sms);
        var teamConfigs = new OrderedDictionary<string, TeamConfig>(teams.Select(t => KeyValuePair.Create(t.Key, t.Value.Config)));
        return new StandbyOpsConfig(server, sms, new ReadOnlyDictionary<string, CalendarConfig>(calendarConfigs), rateCards,
            new ReadOnlyDictionary<string, TeamConfig>(teamConfigs), customers, store, mail, cluster, seller);
    }

    /// <summary>
    /// A customer's business-hours and business-day SLA deadlines are found by walking its calendar's opening hours, so
    /// a calendar that is never open would leave them never due: one error per such calendar that a customer uses.
    /// </summary>
    private static void RejectNeverOpenCalendars(
        ConfigReader reader, IReadOnlyDictionary<string, CalendarSection.CalendarEntry> calendars, IEnumerable<CustomerConfig> customers)
    {
        foreach (var users in customers.GroupBy(c => c.Calendar, StringComparer.Ordinal))
        {
            if (!calendars.TryGetValue(users.Key, out var calendar) || !calendar.NeverOpen)
            {
                continue;
            }

            var ids = users.Select(c => $"'{c.Id}'").ToList();
            var who = ids.Count == 1 ? $"customer {ids[0]} uses it" : $"customers {string.Join(", ", ids)} use it";
            reader.Error(calendar.Anchor, $"calendar '{users.Key}' has no opening hours but {who}: business-hours SLA deadlines on it would never fall due",
                $"add opening ranges under hours of calendar '{users.Key}', e.g. hours: {{ mon-fri: \"08:30-17:00\" }}, or hours: {{ mon-sun: \"00:00-24:00\" }} for a calendar that is always open");
        }
    }

    /// <summary>Replies are matched to engineers by phone number, so two engineers on one number cannot both act by SMS.</summary>
    private static void WarnAboutSharedPhones(ConfigReader reader, IEnumerable<TeamSection.TeamEntry> teams)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            foreach (var engineer in team.Config.Engineers.Values)
            {
                if (engineer.Phone.Length == 0)
                {
                    continue;
                }

                if (owners.TryGetValue(engineer.Phone, out var owner) && owner != engineer.Id)
                {
                    reader.Warning(team.Anchor, $"engineers '{owner}' and '{engineer.Id}' share phone number {engineer.Phone}",
                        "give each engineer their own number: SMS replies are matched to engineers by number");
                }

                owners.TryAdd(engineer.Phone, engineer.Id);
            }
        }
    }

    /// <summary>
    /// A <c>via: voice</c> step calls through Twilio from <c>sms.twilio.from</c> (a Messaging Service cannot call): an
    /// error without that number; a warning with the <c>log</c> provider, which only writes the call to the log.
    /// </summary>
    private static void CheckVoiceSteps(ConfigReader reader, IEnumerable<TeamSection.TeamEntry> teams, SmsConfig sms)
    {
        foreach (var team in teams)
        {
            for (var i = 0; i < team.Config.Escalation.Count; i++)
            {
                if (team.Config.Escalation[i].Via != EscalationChannel.Voice)
                {
                    continue;
                }

                if (sms.Provider != SmsProvider.Twilio)
                {
                    reader.Warning(team.StepMarks[i], $"escalation step {i + 1} of team '{team.Config.Id}' calls (via: voice) but sms.provider is log: the call is only written to the log",
                        "set sms.provider: twilio with sms.twilio.from to place real calls");
                }
                else if (string.IsNullOrEmpty(sms.Twilio?.From))
                {
                    reader.Error(team.StepMarks[i], $"escalation step {i + 1} of team '{team.Config.Id}' calls (via: voice) but sms.twilio has no 'from' number: a Messaging Service cannot place calls",
                        "set sms.twilio.from: \"+3197010000000\" (a voice-capable Twilio number) instead of messagingServiceSid, or use via: sms");
                }
            }
        }
    }

    private static YamlNode? ParseYaml(string text, ConfigReader reader)
    {
        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var (message, fix) = DescribeSyntaxError(e.Message);
            reader.Error(e.Start, message, fix);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some broken input (an unclosed '[', a stray alias); the scanner knows where it stopped.
            reader.Error(scanner.CurrentPosition, "malformed YAML: the parser cannot continue here",
                "close every '[' with ']' and every '{' with '}', quote values that contain ': ', '#', '*' or '&', and check the indentation");
            return null;
        }

        if (stream.Documents.Count == 0 || ConfigReader.IsNull(stream.Documents[0].RootNode))
        {
            reader.Error(new Mark(0, 1, 1), "the configuration is empty",
                "start from the annotated example in docs/configuration.md");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode.Start, "the file holds more than one YAML document",
                "keep one document: remove the '---' line and merge the sections");
        }

        YamlTags.RejectUnknown(reader, stream.Documents[0].RootNode);

        return stream.Documents[0].RootNode;
    }

    private static (string Message, string Fix) DescribeSyntaxError(string yamlMessage)
    {
        const string duplicate = "Duplicate key ";
        if (yamlMessage.StartsWith(duplicate, StringComparison.Ordinal))
        {
            return ($"duplicate key '{yamlMessage[duplicate.Length..]}'", "each key may appear once per mapping: remove or rename one");
        }

        var text = yamlMessage.TrimEnd('.');
        return text.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? ($"malformed YAML: {text}", "indent with spaces, not tabs")
            : ($"malformed YAML: {text}",
                "check indentation and quoting on this line and the one before; quote values that contain ': ', ' #' or start with '{', '[', '*', '&', '!', '%' or '@'");
    }

    private static ConfigLoadResult FileProblem(string path, string message, string fix) =>
        new(null, [new ConfigDiagnostic(ConfigSeverity.Error, path, 0, 0, message, fix)]);
}
