using System.Collections.ObjectModel;
using NodaTime;
using StandbyOps.Configuration.Reading;
using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;
using StandbyOps.Core.Standby;

namespace StandbyOps.Configuration.Customers;

/// <summary>Reads one entry of <c>customers:</c> and checks its references and standby rules.</summary>
internal static class CustomerSection
{
    private static readonly string[] Keys = ["name", "calendar", "rateCard", "team", "sla", "standby", "systems", "contacts", "updates", "followUp", "reports", "legalName", "address", "vatId"];
    private static readonly string[] ContactKeys = ["name", "email", "phone", "notify", "portal"];
    private static readonly string[] UpdatesKeys = ["priorities", "every"];
    private static readonly string[] ReportsKeys = ["contacts"];
    private const string WarnBeforeKey = "warnBefore";
    private static readonly Func<string, Parsed<string>> ParseNotice = Choices.Of(ContactConfig.Events.Select(e => (e, e)).ToArray());
    private static readonly string[] SlaKeys = ["P1", "P2", "P3", "P4", WarnBeforeKey];
    private static readonly string[] TermsKeys = ["response", "resolution"];
    private static readonly string[] StandbyKeys = ["coverage", "responseWithin"];

    private static readonly Func<string, Parsed<string>> ParseCoverage = Choices.Of([.. StandbyCoverage.Names.Select(name => (name, name))]);

    public static CustomerConfig? Read(ConfigReader reader, string id, MappingReader.Entry entry, CustomerContext context)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"customer '{id}'", Keys) is not { } customer)
        {
            return null;
        }

        var name = customer.String("name") ?? id;
        var calendar = customer.Required("calendar", "nl-office") is { } c && customer.Reference(c, "calendar", "calendars", context.Calendars.Keys)
            ? c.Value.Trim()
            : "";
        var rateCard = customer.Required("rateCard", "standard") is { } r && customer.Reference(r, "rate card", "rateCards", context.RateCards.Keys)
            ? r.Value.Trim()
            : "";
        var team = customer.Optional("team") is { } t && customer.Reference(t, "team", "teams", context.Teams.Keys)
            ? t.Value.Trim()
            : null;
        var (sla, warnBefore) = ReadSla(customer);
        var standby = ReadStandby(customer, team, context);

        var zone = context.Calendars.TryGetValue(calendar, out var cal) ? cal.Zone : DateTimeZone.Utc;
        var systems = customer.IdMap("systems", "system", (systemId, e) => SystemSection.Read(reader, systemId, e, id, zone, context));
        var billing = new CustomerBillingConfig(
            customer.String("legalName")?.Trim() is { Length: > 0 } legal ? legal : name,
            Invoicing.SellerSection.Address(customer),
            customer.TryParse("vatId", Invoicing.BillingIds.ParseVatId, out var vatId) ? vatId : null);
        return new CustomerConfig(id, name, calendar, rateCard, team, sla, standby, systems, ReadContacts(customer, context), ReadUpdates(customer), warnBefore, ReadFollowUp(customer), billing, ReadReports(customer, context));
    }

    /// <summary>Reads <c>contacts:</c>; a contact to notify by mail is a warning while <c>mail.smtp</c> is not set (nothing would be sent).</summary>
    private static List<ContactConfig> ReadContacts(MappingReader customer, CustomerContext context)
    {
        var contacts = new List<ContactConfig>();
        foreach (var item in customer.Items("contacts"))
        {
            if (customer.Reader.Mapping(item, item.Start, $"a contact of {customer.What}", ContactKeys) is not { } contact)
            {
                continue;
            }

            var email = contact.Parse("email", Mail.MailSection.ParseAddress, "", "jan@acme.example");
            var phone = contact.TryParse("phone", Names.ParsePhone, out var p) ? p : null;
            var notify = contact.ParseList("notify", ParseNotice);
            if (notify.Count > 0 && !context.SendsMail)
            {
                customer.Reader.Warning(contact.MarkOf("notify"), $"contact {email} of {customer.What} is to be notified by mail but mail.smtp is not set: no update is sent",
                    "add mail: { from: desk@msp.example, smtp: { host: smtp.msp.example } }, or remove notify");
            }

            contacts.Add(new ContactConfig(contact.String("name") ?? email, email, phone, notify, contact.Bool("portal", false)));
        }

        return contacts;
    }

    private static UpdatesConfig? ReadUpdates(MappingReader customer)
    {
        if (customer.Mapping("updates", $"updates of {customer.What}", UpdatesKeys) is not { } updates)
        {
            return null;
        }

        var priorities = updates.ParseList("priorities", Priorities.Parse);
        var every = updates.Parse("every", Durations.ParsePositive, NodaTime.Duration.Zero, "2h");
        return every > NodaTime.Duration.Zero ? new UpdatesConfig(priorities, every) : null;
    }

    /// <summary>Reads <c>followUp: { priorities: [P1], every: 1 business day }</c>; <c>every</c> is an SLA-style target.</summary>
    private static FollowUpConfig? ReadFollowUp(MappingReader customer)
    {
        if (customer.Mapping("followUp", $"followUp of {customer.What}", UpdatesKeys) is not { } followUp)
        {
            return null;
        }

        var priorities = followUp.ParseList("priorities", Priorities.Parse);
        return followUp.TryParse("every", SlaTargets.Parse, out var every, "1 business day") ? new FollowUpConfig(priorities, every) : null;
    }

    /// <summary>
    /// Reads <c>reports: { contacts: [jan@acme.example] }</c>; each contact must be a mail address. Without <c>mail.smtp</c>
    /// it is a warning: the monthly mails are queued and wait in the outbox.
    /// </summary>
    private static ReportsConfig? ReadReports(MappingReader customer, CustomerContext context)
    {
        if (customer.Mapping("reports", $"reports of {customer.What}", ReportsKeys) is not { } reports)
        {
            return null;
        }

        if (!reports.Has("contacts"))
        {
            reports.Missing("contacts", "[jan@acme.example]");
            return null;
        }

        var contacts = reports.ParseList("contacts", Mail.MailSection.ParseAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (contacts.Count > 0 && !context.SendsMail)
        {
            customer.Reader.Warning(customer.MarkOf("reports"), $"reports.contacts of {customer.What} get the monthly SLA report by mail but mail.smtp is not set: the mails wait in the outbox until it is",
                "add mail: { from: desk@msp.example, smtp: { host: smtp.msp.example } }, or remove reports");
        }

        return contacts.Count > 0 ? new ReportsConfig(contacts) : null;
    }

    private static (ReadOnlyDictionary<Priority, SlaTermsConfig> Terms, Duration? WarnBefore) ReadSla(MappingReader customer)
    {
        var terms = new Dictionary<Priority, SlaTermsConfig>();
        Duration? warnBefore = null;
        if (customer.Mapping("sla", $"sla of {customer.What}", SlaKeys) is { } sla)
        {
            if (sla.TryParse(WarnBeforeKey, Durations.ParsePositive, out var lead))
            {
                warnBefore = lead;
            }

            foreach (var entry in sla.Entries.Where(e => e.Key != WarnBeforeKey))
            {
                if (customer.Reader.Mapping(entry.Value, entry.KeyMark, $"{entry.Key} sla of {customer.What}", TermsKeys) is not { } priority)
                {
                    continue;
                }

                var response = priority.Parse<SlaTargetConfig?>("response", text => Nullable(SlaTargets.Parse(text)), null, "4 business hours");
                var resolution = priority.Parse<SlaTargetConfig?>("resolution", text => Nullable(SlaTargets.Parse(text)), null);
                if (response is not null)
                {
                    terms[Enum.Parse<Priority>(entry.Key)] = new SlaTermsConfig(response, resolution);
                }
            }
        }

        return (new ReadOnlyDictionary<Priority, SlaTermsConfig>(terms), warnBefore);
    }

    private static StandbyConfig ReadStandby(MappingReader customer, string? team, CustomerContext context)
    {
        if (customer.Mapping("standby", $"standby of {customer.What}", StandbyKeys) is not { } standby)
        {
            return StandbyConfig.None;
        }

        var coverage = StandbyCoverage.FromNames(standby.ParseList("coverage", ParseCoverage));
        var responseWithin = standby.Parse("responseWithin", Durations.ParsePositive, StandbyConfig.DefaultResponseWithin);
        if (!coverage.IsEmpty)
        {
            CheckStandbyTeam(customer, standby, team, responseWithin, context);
        }

        return new StandbyConfig(coverage, responseWithin);
    }

    /// <summary>Agreed standby must reach someone: a team with a non-empty rotation whose escalation fits the response time.</summary>
    private static void CheckStandbyTeam(MappingReader customer, MappingReader standby, string? team, Duration responseWithin, CustomerContext context)
    {
        var reader = customer.Reader;
        var at = standby.MarkOf("coverage");
        if (team is null)
        {
            if (!customer.Has("team"))
            {
                reader.Error(at, $"{customer.What} has standby coverage but no team to page",
                    "add team: <team id> to the customer, or remove standby.coverage");
            }

            return;
        }

        if (!context.Teams.TryGetValue(team, out var entry))
        {
            return;
        }

        if (entry.Config.Rotation is not { } rotation)
        {
            reader.Error(at, $"{customer.What} has standby coverage but team '{team}' has no rotation",
                $"add rotation: {{ every: week, handover: \"mon 08:30\", order: [...], start: \"2026-01-05\" }} to team '{team}' (line {entry.Anchor.Line})");
            return;
        }

        if (rotation.Order.Count == 0)
        {
            reader.Error(at, $"{customer.What} has standby coverage but the rotation of team '{team}' is empty",
                $"list engineers in rotation.order of team '{team}' (line {entry.Anchor.Line})");
        }

        var steps = entry.Config.Escalation;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].After >= responseWithin)
            {
                reader.Warning(entry.StepMarks[i],
                    $"escalation step after {Durations.Format(steps[i].After)} of team '{team}' is not within the standby response time of {customer.What} ({Durations.Format(responseWithin)})",
                    $"move the step before {Durations.Format(responseWithin)}, or raise standby.responseWithin of {customer.What} (line {standby.MarkOf("responseWithin").Line}): a page sent then cannot be answered in time");
            }
        }
    }

    private static Parsed<SlaTargetConfig?> Nullable(Parsed<SlaTargetConfig> parsed) =>
        new(parsed.Ok, parsed.Value, parsed.Problem, parsed.Fix);
}
