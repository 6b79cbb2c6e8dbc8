using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;
using StandbyOps.Incidents;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Retention;
using StandbyOps.Paging.Tests.Support;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Migrations;

namespace StandbyOps.Paging.Tests.Retention;

/// <summary>The retention sweep on a real SQLite file, with time moved by a fake clock.</summary>
public sealed class RetentionSweepTests : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 9, 0);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "standbyops-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Start);
    private SqliteDatabase _database = null!;
    private IntentStore _intents = null!;
    private RetentionSweep _sweep = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(new StoreOptions(_directory));
        await new MigrationRunner(_database, _clock).ApplyAsync([.. Schema.Migrations, .. IncidentSchema.Migrations, .. PagingSchema.Migrations]);
        _intents = new IntentStore(_database);
        _sweep = new RetentionSweep(_database, _intents, _clock, RetentionPolicy.Default);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_finished_intent_goes_7_days_after_it_finished_and_a_pending_one_never()
    {
        var finished = await _intents.AddAsync("paging.send", "{}", Start, Start);
        await _intents.RunClaimedAsync(finished, Start, _ => Task.FromResult(IntentOutcome.Complete(Start)));
        await _intents.AddAsync("sla.deadline", "{}", Start, Start + Duration.FromDays(365));

        _clock.Advance(Duration.FromDays(7) - Duration.FromMinutes(1));
        Assert.Equal(0, (await _sweep.RunAsync()).Intents);
        _clock.Advance(Duration.FromMinutes(2));
        Assert.Equal(1, (await _sweep.RunAsync()).Intents);

        _clock.Advance(Duration.FromDays(3650));
        await _sweep.RunAsync();
        Assert.Single(await _intents.PendingAsync());
        Assert.Equal(1L, await CountAsync("intents"));
    }

    [Fact]
    public async Task A_delivered_page_goes_90_days_after_it_was_sent_with_its_item_but_a_pending_page_stays()
    {
        await InsertIncidentAsync("2026-000001", "open", closedAt: null);
        await InsertPageAsync("p-delivered", "2026-000001", DeliveryStatus.Delivered);
        await InsertPageAsync("p-pending", "2026-000001", DeliveryStatus.Pending);

        _clock.Advance(Duration.FromDays(89));
        Assert.Equal(0, (await _sweep.RunAsync()).Pages);
        _clock.Advance(Duration.FromDays(2));
        Assert.Equal(1, (await _sweep.RunAsync()).Pages);

        Assert.Equal(["p-pending"], await _database.ReadAsync(async c => (await c.QueryAsync<string>("SELECT id FROM paging_pages")).ToList()));
        Assert.Equal(["p-pending"], await _database.ReadAsync(async c => (await c.QueryAsync<string>("SELECT page_id FROM paging_items")).ToList()));
    }

    [Fact]
    public async Task A_closed_incidents_working_rows_go_30_days_after_it_closed_and_the_incident_stays()
    {
        await InsertIncidentAsync("2026-000001", "closed", closedAt: Start);
        await InsertIncidentAsync("2026-000002", "resolved", closedAt: null);
        foreach (var caseNumber in new[] { "2026-000001", "2026-000002" })
        {
            await _database.WriteAsync(async (c, t) =>
            {
                await c.ExecuteAsync("INSERT INTO paging_escalations (id, case_number, mode, started_at) VALUES (@id, @caseNumber, 'team', @Start)", new { id = "e-" + caseNumber, caseNumber, Start }, t);
                await c.ExecuteAsync("INSERT INTO paging_steps (escalation_id, step_index, ran_at) VALUES (@id, 0, @Start)", new { id = "e-" + caseNumber, Start }, t);
                await c.ExecuteAsync("INSERT INTO paging_items (id, escalation_id, step_index, case_number, engineer, phone, created_at) VALUES (@id, @e, 0, @caseNumber, 'anna', '+31612345671', @Start)", new { id = "i-" + caseNumber, e = "e-" + caseNumber, caseNumber, Start }, t);
                await c.ExecuteAsync("INSERT INTO paging_codes (phone, code, case_number, assigned_at, released) VALUES ('+31612345671', @code, @caseNumber, @Start, 1)", new { code = caseNumber[^1..], caseNumber, Start }, t);
            });
        }

        _clock.Advance(Duration.FromDays(29));
        Assert.Equal(0, (await _sweep.RunAsync()).ClosedIncidentWork);
        _clock.Advance(Duration.FromDays(2));
        Assert.Equal(4, (await _sweep.RunAsync()).ClosedIncidentWork);

        Assert.Equal(["2026-000002"], await _database.ReadAsync(async c => (await c.QueryAsync<string>("SELECT case_number FROM paging_escalations")).ToList()));
        Assert.Equal(1L, await CountAsync("paging_steps"));
        Assert.Equal(1L, await CountAsync("paging_items"));
        Assert.Equal(1L, await CountAsync("paging_codes"));
        Assert.Equal(2L, await CountAsync("incidents"));
    }

    private Task<long> CountAsync(string table) =>
        _database.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));

    private Task InsertIncidentAsync(string caseNumber, string state, Instant? closedAt) =>
        _database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO incidents (case_number, dedup_key, customer, system, source, priority, title, state, auto_resolve, opened_at, closed_at, failure_count, last_failure_at) " +
            "VALUES (@caseNumber, @caseNumber, 'acme', 'web', 'check', 'P1', 'Down', @state, 1, @Start, @closedAt, 1, @Start)",
            new { caseNumber, state, Start, closedAt }, t));

    private Task InsertPageAsync(string id, string caseNumber, string status) =>
        _database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO paging_pages (id, phone, engineer, body, sent_at, status) VALUES (@id, '+31612345671', 'anna', 'P1 acme', @Start, @status)", new { id, Start, status }, t);
            await c.ExecuteAsync("INSERT INTO paging_items (id, escalation_id, step_index, case_number, engineer, phone, created_at, page_id) VALUES (@item, 'e', 0, @caseNumber, 'anna', '+31612345671', @Start, @id)", new { item = "i-" + id, caseNumber, Start, id }, t);
        });
}
