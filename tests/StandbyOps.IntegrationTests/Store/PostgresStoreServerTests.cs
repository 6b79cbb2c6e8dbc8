using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using StandbyOps.IntegrationTests.Paging;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;

namespace StandbyOps.IntegrationTests.Store;

/// <summary>
/// The real server process with <c>store: { kind: postgres }</c> on a real PostgreSQL 15: every store the product has
/// (tokens, incidents and timelines, sequences, intents, escalations and pages, callouts, invoices) on the way from an
/// alert to an invoice (the SIGKILL mid-escalation runs on both stores in <c>PagingDurabilityTests</c>).
/// </summary>
public sealed class PostgresStoreServerTests
{
    [SkippableFact]
    public async Task From_alert_to_page_to_acknowledgement_to_invoice_everything_is_kept_in_postgres()
    {
        var postgres = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("server");
        await using var paging = await PagingServer.StartAsync(postgres: postgres);
        await Poll.UntilAsync(() => Task.FromResult(paging.Server.Output.Contains("Store: PostgreSQL database 'server_", StringComparison.Ordinal)), "the start names its PostgreSQL store");

        await paging.FireAsync("db1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        Assert.Matches(@"^2026-\d{6}$", caseNumber);

        await paging.AdvanceAsync(3 * 60);
        Assert.Equal(HttpStatusCode.OK, (await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "1A")).Status);
        await paging.AdvanceAsync(40 * 60);
        Assert.Equal(HttpStatusCode.OK, (await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "1R")).Status);

        var incident = await paging.IncidentAsync(caseNumber);
        Assert.Equal("resolved", incident.GetProperty("state").GetString());
        Assert.True(incident.GetProperty("timeline").GetArrayLength() >= 3);
        using var finance = await paging.ClientAsync("finance");
        var draft = await HttpAssert.JsonAsync(await finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "acme", month = "2026-11" }), HttpStatusCode.OK);
        var line = Assert.Single(draft.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "callout");
        Assert.Equal(1m, line.GetProperty("billedHours").GetDecimal());

        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM incidents"));
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM api_tokens") >= 2);
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM paging_pages"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM billing_callouts WHERE case_number = '" + caseNumber + "' AND end_at IS NOT NULL"));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
