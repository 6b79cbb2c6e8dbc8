using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Storage.Database;

namespace StandbyOps.Incidents.Desk;

/// <summary>Reads and writes the <c>incidents</c> table; every write runs inside the caller's transaction.</summary>
internal static class IncidentRows
{
    private const string Columns =
        "case_number AS CaseNumber, dedup_key AS DedupKey, customer AS Customer, system AS System, source AS Source, " +
        "priority AS Priority, title AS Title, state AS State, auto_resolve AS AutoResolve, opened_at AS OpenedAt, " +
        "acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, resolved_at AS ResolvedAt, resolved_by AS ResolvedBy, " +
        "closed_at AS ClosedAt, responded_at AS RespondedAt, response_due_at AS ResponseDueAt, resolution_due_at AS ResolutionDueAt, " +
        "response_breached AS ResponseBreached, resolution_breached AS ResolutionBreached, failure_count AS FailureCount, " +
        "last_failure_at AS LastFailureAt";

    public static async Task<Incident?> FindNotClosedAsync(DbConnection connection, DbTransaction transaction, string dedupKey)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM incidents WHERE dedup_key = @dedupKey AND state <> 'closed'", new { dedupKey }, transaction).ConfigureAwait(false);
        return row?.ToIncident();
    }

    public static async Task<Incident?> GetAsync(DbConnection connection, DbTransaction? transaction, string caseNumber)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM incidents WHERE case_number = @caseNumber", new { caseNumber }, transaction).ConfigureAwait(false);
        return row?.ToIncident();
    }

    /// <summary>Priority first, then first come first served (DOMAIN.md "Queue order"); the case number breaks ties.</summary>
    public static async Task<IReadOnlyList<Incident>> ListAsync(DbConnection connection, IncidentFilter filter)
    {
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM incidents WHERE (@state IS NULL OR state = @state) AND (@customer IS NULL OR customer = @customer) " +
            "ORDER BY priority, opened_at, case_number",
            new { state = filter.State?.ToText(), customer = filter.Customer }).ConfigureAwait(false);
        return rows.Select(r => r.ToIncident()).ToList();
    }

    /// <summary>At most <paramref name="limit"/> incidents in queue order after <paramref name="after"/> (keyset paging), plus whether more follow.</summary>
    public static async Task<IncidentQueuePage> ListPageAsync(DbConnection connection, IncidentFilter filter, IncidentCursor? after, int limit)
    {
        var rows = (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM incidents WHERE (@state IS NULL OR state = @state) AND (@customer IS NULL OR customer = @customer) " +
            "AND (@afterCase IS NULL OR (priority, opened_at, case_number) > (@afterPriority, @afterOpened, @afterCase)) " +
            "ORDER BY priority, opened_at, case_number LIMIT @take",
            new
            {
                state = filter.State?.ToText(),
                customer = filter.Customer,
                afterPriority = after?.Priority,
                afterOpened = after?.OpenedAt,
                afterCase = after?.CaseNumber,
                take = limit + 1,
            }).ConfigureAwait(false)).Select(r => r.ToIncident()).ToList();
        if (rows.Count <= limit)
        {
            return new IncidentQueuePage(rows, null);
        }

        rows.RemoveAt(limit);
        return new IncidentQueuePage(rows, IncidentCursor.After(rows[^1]));
    }

    /// <summary>The dedup keys of the unresolved (open or acknowledged) incidents of one system: only those rows, only that column.</summary>
    public static async Task<IReadOnlySet<string>> UnresolvedKeysAsync(DbConnection connection, string system)
    {
        var keys = await connection.QueryAsync<string>(
            "SELECT dedup_key FROM incidents WHERE system = @system AND state IN ('open', 'acknowledged')", new { system }).ConfigureAwait(false);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Unresolved incidents counted per customer and priority (the open-incidents gauge).</summary>
    public static async Task<IReadOnlyList<(string Customer, string Priority, long Count)>> CountUnresolvedAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync<(string, string, long)>(
            "SELECT customer, priority, COUNT(*) FROM incidents WHERE state IN ('open', 'acknowledged') GROUP BY customer, priority").ConfigureAwait(false);
        return rows.ToList();
    }

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, Incident incident) =>
        connection.ExecuteAsync(
            "INSERT INTO incidents (case_number, dedup_key, customer, system, source, priority, title, state, auto_resolve, opened_at, " +
            "acknowledged_at, acknowledged_by, resolved_at, resolved_by, closed_at, responded_at, response_due_at, resolution_due_at, " +
            "response_breached, resolution_breached, failure_count, last_failure_at) VALUES (@CaseNumber, @DedupKey, @Customer, @System, " +
            "@Source, @Priority, @Title, @State, @AutoResolve, @OpenedAt, @AcknowledgedAt, @AcknowledgedBy, @ResolvedAt, @ResolvedBy, " +
            "@ClosedAt, @RespondedAt, @ResponseDueAt, @ResolutionDueAt, @ResponseBreached, @ResolutionBreached, @FailureCount, @LastFailureAt)",
            Parameters(incident), transaction);

    /// <summary>Writes every mutable column of <paramref name="incident"/>.</summary>
    public static Task UpdateAsync(DbConnection connection, DbTransaction transaction, Incident incident) =>
        connection.ExecuteAsync(
            "UPDATE incidents SET state = @State, auto_resolve = @AutoResolve, acknowledged_at = @AcknowledgedAt, " +
            "acknowledged_by = @AcknowledgedBy, resolved_at = @ResolvedAt, resolved_by = @ResolvedBy, closed_at = @ClosedAt, " +
            "responded_at = @RespondedAt, response_due_at = @ResponseDueAt, resolution_due_at = @ResolutionDueAt, " +
            "response_breached = @ResponseBreached, resolution_breached = @ResolutionBreached, failure_count = @FailureCount, " +
            "last_failure_at = @LastFailureAt WHERE case_number = @CaseNumber",
            Parameters(incident), transaction);

    private static object Parameters(Incident i) => new
    {
        i.CaseNumber,
        i.DedupKey,
        i.Customer,
        i.System,
        Source = i.Source.ToText(),
        Priority = i.Priority.ToText(),
        i.Title,
        State = i.State.ToText(),
        AutoResolve = i.AutoResolve ? 1 : 0,
        OpenedAt = Text(i.OpenedAt),
        AcknowledgedAt = Text(i.AcknowledgedAt),
        AcknowledgedBy = i.AcknowledgedBy?.ToString(),
        ResolvedAt = Text(i.ResolvedAt),
        ResolvedBy = i.ResolvedBy?.ToString(),
        ClosedAt = Text(i.ClosedAt),
        RespondedAt = Text(i.RespondedAt),
        ResponseDueAt = Text(i.ResponseDueAt),
        ResolutionDueAt = Text(i.ResolutionDueAt),
        ResponseBreached = i.ResponseBreached ? 1 : 0,
        ResolutionBreached = i.ResolutionBreached ? 1 : 0,
        i.FailureCount,
        LastFailureAt = Text(i.LastFailureAt),
    };

    private static string? Text(Instant? instant) => instant is { } value ? InstantTypeHandler.Format(value) : null;

    private static Instant? Parse(string? text) => text is null ? null : InstantTypeHandler.Parse(text);

    private sealed class Row
    {
        public string CaseNumber { get; set; } = "";

        public string DedupKey { get; set; } = "";

        public string Customer { get; set; } = "";

        public string System { get; set; } = "";

        public string Source { get; set; } = "";

        public string Priority { get; set; } = "";

        public string Title { get; set; } = "";

        public string State { get; set; } = "";

        public long AutoResolve { get; set; }

        public string OpenedAt { get; set; } = "";

        public string? AcknowledgedAt { get; set; }

        public string? AcknowledgedBy { get; set; }

        public string? ResolvedAt { get; set; }

        public string? ResolvedBy { get; set; }

        public string? ClosedAt { get; set; }

        public string? RespondedAt { get; set; }

        public string? ResponseDueAt { get; set; }

        public string? ResolutionDueAt { get; set; }

        public long ResponseBreached { get; set; }

        public long ResolutionBreached { get; set; }

        public long FailureCount { get; set; }

        public string LastFailureAt { get; set; } = "";

        public Incident ToIncident() => new(
            CaseNumber,
            IncidentStateText.Parse(State),
            PriorityText.Parse(Priority),
            Customer,
            System,
            SignalSourceText.Parse(Source),
            DedupKey,
            Title,
            InstantTypeHandler.Parse(OpenedAt),
            Parse(AcknowledgedAt),
            AcknowledgedBy is null ? null : Actor.Parse(AcknowledgedBy),
            Parse(ResolvedAt),
            ResolvedBy is null ? null : Actor.Parse(ResolvedBy),
            Parse(ClosedAt),
            Parse(RespondedAt),
            Parse(ResponseDueAt),
            Parse(ResolutionDueAt),
            ResponseBreached != 0,
            ResolutionBreached != 0,
            FailureCount,
            InstantTypeHandler.Parse(LastFailureAt),
            AutoResolve != 0);
    }
}
