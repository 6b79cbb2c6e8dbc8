using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.IntegrationTests.Web;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>
/// A server whose configuration has a <c>seller</c> and customers with legal names, addresses and VAT ids, on virtual
/// time Tue 1 Dec 2026 09:00 UTC (November is over and may be issued). globex, initech, umbrella and late have no
/// recurring standby, so only what a test agrees is billed; late has a team, so the standby-hours report has rows for
/// it. One server per test class: invoice numbers and the clock are the class's own.
/// </summary>
public class PayableInvoiceServer : IncidentServerBase
{
    /// <summary>The virtual time the server starts at.</summary>
    public const string Start = "2026-12-01T09:00:00Z";

    /// <summary>A server at <see cref="Start"/>.</summary>
    public PayableInvoiceServer()
        : this(Start)
    {
    }

    /// <summary>A server whose virtual time starts at <paramref name="start"/>.</summary>
    protected PayableInvoiceServer(string start)
        : base(start, ConfigAt("100.00", "Example MSP B.V."))
    {
    }

    /// <summary>The configuration at <paramref name="hourlyRate"/> per hour, billed by <paramref name="seller"/>.</summary>
    public static string ConfigAt(string hourlyRate, string seller) => ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer + $$"""

        seller:
          name: {{seller}}
          address: ["Straat 1", "1234 AB Utrecht", "NL"]
          vatId: NL123456789B01
          iban: NL91 ABNA 0417 1643 00
          paymentTermsDays: 30
        """,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(hourlyRate),
        teams: ConfigBlocks.OpsNlTeam(),
        customers: ConfigBlocks.AcmeCustomer() + "\n" + Customer("globex", "Globex International GmbH", "DE123456789")
            + Customer("initech", "Initech B.V.", "NL111222333B01") + Customer("umbrella", "Umbrella N.V.", "BE0123456789")
            + Customer("late", "Late & Co B.V.", "NL444555666B01", team: "ops-nl"));

    /// <summary>A new token's secret and a browser signed in with it.</summary>
    public async Task<FormClient> SignedInAsync(string role, string? customer = null) =>
        await FormClient.SignedInAsync(Server.BaseAddress, (await TokenAsync(role, customer)).Secret);

    /// <summary>Agrees a one-off standby period (local times in Amsterdam).</summary>
    public static async Task AgreeAsync(HttpClient finance, string customer, string start, string end)
    {
        ArgumentNullException.ThrowIfNull(finance);
        var response = await finance.PostAsJsonAsync($"/api/v1/customers/{customer}/standby-periods", new { start, end, note = "test" });
        await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Drafts <paramref name="customer"/>'s <paramref name="month"/>.</summary>
    public static async Task<JsonElement> DraftAsync(HttpClient finance, string customer, string month)
    {
        ArgumentNullException.ThrowIfNull(finance);
        return await HttpAssert.JsonAsync(await finance.PostAsJsonAsync("/api/v1/invoices", new { customer, month }), HttpStatusCode.OK);
    }

    /// <summary>Drafts and issues <paramref name="customer"/>'s <paramref name="month"/>; returns the issued invoice.</summary>
    public static async Task<JsonElement> IssueAsync(HttpClient finance, string customer, string month)
    {
        var draft = await DraftAsync(finance, customer, month);
        using var issued = await finance.PostAsync(new Uri($"/api/v1/invoices/{draft.GetProperty("id").GetString()}/issue", UriKind.Relative), null);
        return await HttpAssert.JsonAsync(issued, HttpStatusCode.OK);
    }

    /// <summary>The PDF export of invoice <paramref name="number"/> through the API.</summary>
    public static async Task<byte[]> PdfAsync(HttpClient client, string number)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"/api/v1/invoices/{number}.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The text of a PDF as Debian's pdftotext (poppler-utils) reads it, in layout mode.</summary>
    public static string PdfText(byte[] pdf)
    {
        var pdftotext = ExternalTool.Require("pdftotext", "poppler-utils");
        using var directory = new TempDirectory();
        var path = directory.File("invoice.pdf");
        File.WriteAllBytes(path, pdf);
        var result = ExternalTool.Run(pdftotext, ["-layout", "-enc", "UTF-8", path, "-"], string.Empty, TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"pdftotext failed: {result.StandardError}");
        return result.StandardOutput;
    }

    private static string Customer(string id, string legalName, string vatId, string? team = null) => $"""
          {id}:
            name: {id}
            legalName: {legalName}
            address: ["{id}straat 9", "1000 AA Amsterdam", "NL"]
            vatId: {vatId}
            calendar: nl-office
            rateCard: standard
        {(team is null ? string.Empty : $"    team: {team}\n")}
        """;
}
