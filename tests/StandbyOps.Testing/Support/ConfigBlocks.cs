using StandbyOps.Testing.FakeTwilio;

namespace StandbyOps.Testing.Support;

/// <summary>
/// The building blocks of the tests' <c>standbyops.yaml</c>: the <c>nl-office</c> calendar, the <c>standard</c> rate card,
/// the <c>ops-nl</c> team and the <c>acme</c> customer, so a test's configuration only states what differs. An entry
/// block is indented as it stands under its section key (two spaces) and has no trailing newline; several entries of
/// one section are joined with <c>"\n"</c>, and <see cref="Document"/> puts them under their section keys.
/// </summary>
public static class ConfigBlocks
{
    public const string AnnaPhone = "+31612345678";
    public const string BramPhone = "+31623456789";

    /// <summary>A server on loopback port 8080 that only logs its SMS.</summary>
    public const string LogSmsServer = """
        server:
          publicUrl: http://127.0.0.1:8080
        sms:
          provider: log
        """;

    /// <summary>A server at <paramref name="publicUrl"/> that sends its SMS through <paramref name="twilio"/> from <paramref name="from"/>.</summary>
    public static string TwilioSmsServer(Uri publicUrl, FakeTwilioServer twilio, string from)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        ArgumentNullException.ThrowIfNull(twilio);
        return $$"""
            server:
              publicUrl: {{publicUrl.AbsoluteUri.TrimEnd('/')}}
            sms:
              provider: twilio
              twilio:
                accountSid: {{twilio.AccountSid}}
                authToken: {{twilio.AuthToken}}
                from: "{{from}}"
                baseUrl: {{twilio.BaseUrl.AbsoluteUri.TrimEnd('/')}}
            """;
    }

    /// <summary>Mon–Fri 08:30–17:00 Europe/Amsterdam, NL holidays.</summary>
    public const string NlOfficeCalendar = """
          nl-office:
            timeZone: Europe/Amsterdam
            hours:
              mon-fri: "08:30-17:00"
            holidays: [NL]
        """;

    /// <summary>The first escalation step: page whoever is on call straight away.</summary>
    public const string OnCallStep = "{ after: 0m, notify: onCall }";

    /// <summary>Acme's default P1 target.</summary>
    public const string AcmeP1 = "{ response: 4 business hours, resolution: 2 business days }";

    /// <summary>Acme's standby agreement, indented as a customer's key: nights, weekends and holidays, answered within 30 minutes.</summary>
    public const string AcmeStandby = """
            standby:
              coverage: [nights, weekends, holidays]
              responseWithin: 30m
        """;

    /// <summary>Acme's SLA after its P1 target: P2 within 8 business hours, P3 and P4 within 2 and 4 business days.</summary>
    private const string AcmeP2ToP4 = """
              P2: { response: 8 business hours }
              P3: { response: 2 business days }
              P4: { response: 4 business days }
        """;

    /// <summary>The surcharges of the DOMAIN.md rate card: holidays, weekend days, nights and call-outs.</summary>
    private const string StandardSurcharges = """
            holiday: { percent: 100, minimumHours: 8 }
            weekend: { days: [sat, sun], from: "08:30", to: "18:00", percent: 50, minimumHours: 4 }
            night:   { from: "18:00", to: "08:30", percent: 100, minimumHours: 2 }
            callout: { percent: 100, minimumHours: 1 }
        """;

    /// <summary>Anna and Bram, the two engineers of the <c>ops-nl</c> rotation.</summary>
    public static readonly IReadOnlyList<string> AnnaAndBram =
    [
        Engineer("anna", "Anna de Vries", AnnaPhone),
        Engineer("bram", "Bram Jansen", BramPhone),
    ];

    /// <summary>
    /// A configuration: <paramref name="head"/> (the <c>server</c> and <c>sms</c> sections), then each section key
    /// followed by its entry blocks.
    /// </summary>
    public static string Document(string head, string calendars, string rateCards, string teams, string customers) =>
        string.Join('\n', head, "calendars:", calendars, "rateCards:", rateCards, "teams:", teams, "customers:", customers);

    /// <summary>
    /// The <c>standard</c> rate card: EUR at <paramref name="hourlyRate"/> an hour plus 21% VAT and, with
    /// <paramref name="surcharges"/>, the DOMAIN.md surcharges.
    /// </summary>
    public static string StandardRateCard(string hourlyRate = "100.00", bool surcharges = true)
    {
        var card = $"""
              standard:
                currency: EUR
                hourlyRate: {hourlyRate}
                vatPercent: 21
            """;
        return surcharges ? card + "\n" + StandardSurcharges : card;
    }

    /// <summary>An entry of a team's <c>engineers</c>.</summary>
    public static string Engineer(string id, string name, string phone) => $"{id}: {{ name: {name}, phone: \"{phone}\" }}";

    /// <summary>An escalation step: <paramref name="after"/> the page, notify <paramref name="notify"/>.</summary>
    public static string Step(string after, string notify) => $"{{ after: {after}, notify: {notify} }}";

    /// <summary>An escalation step that calls (<c>via: voice</c>): <paramref name="after"/> the page, call <paramref name="notify"/>.</summary>
    public static string VoiceStep(string after, string notify) => $"{{ after: {after}, notify: {notify}, via: voice }}";

    /// <summary>
    /// The <c>ops-nl</c> team in Europe/Amsterdam: a weekly rotation of anna and bram from 2026-01-05, handing over on
    /// Monday 08:30. Unless told otherwise its engineers are Anna and Bram, it only pages whoever is on call and it
    /// has no <c>groupWait</c>.
    /// </summary>
    public static string OpsNlTeam(IEnumerable<string>? engineers = null, IEnumerable<string>? escalation = null, string? groupWait = null)
    {
        var lines = new List<string> { "  ops-nl:", "    timeZone: Europe/Amsterdam", "    engineers:" };
        lines.AddRange((engineers ?? AnnaAndBram).Select(e => "      " + e));
        lines.Add("""    rotation: { every: week, handover: "mon 08:30", order: [anna, bram], start: "2026-01-05" }""");
        lines.Add("    escalation:");
        lines.AddRange((escalation ?? [OnCallStep]).Select(s => "      - " + s));
        if (groupWait is not null)
        {
            lines.Add($"    groupWait: {groupWait}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// The <c>acme</c> customer (ACME B.V.) on the <c>nl-office</c> calendar, <c>standard</c> rate card and <c>ops-nl</c>
    /// team, with <paramref name="p1"/> and the P2–P4 targets as its SLA, followed by <paramref name="rest"/> (indented
    /// as a customer's keys, four spaces): by default its standby agreement.
    /// </summary>
    public static string AcmeCustomer(string p1 = AcmeP1, string rest = AcmeStandby) => $$"""
          acme:
            name: ACME B.V.
            calendar: nl-office
            rateCard: standard
            team: ops-nl
            sla:
              P1: {{p1}}
        {{AcmeP2ToP4}}
        {{rest}}
        """;
}
