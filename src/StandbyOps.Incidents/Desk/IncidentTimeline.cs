using System.Data.Common;
using Dapper;
using StandbyOps.Storage.Database;

namespace StandbyOps.Incidents.Desk;

/// <summary>
/// The <c>incident_timeline</c> table: entries numbered per incident in insertion order. Another stage may append
/// inside its own write transaction (so "page sent" and its timeline entry commit together).
/// </summary>
public static class IncidentTimeline
{
    /// <summary>The longest entry text kept; longer texts are cut with an ellipsis.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Appends <paramref name="entry"/> to the timeline of <paramref name="caseNumber"/> within <paramref name="transaction"/>.</summary>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, string caseNumber, TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Kind);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entry.Kind.Length, TimelineKinds.MaxKindLength, nameof(entry));
        await connection.ExecuteAsync(
            "INSERT INTO incident_timeline (case_number, seq, at, actor, kind, text, repeats) " +
            "SELECT @caseNumber, COALESCE(MAX(seq), 0) + 1, @at, @actor, @kind, @text, 1 FROM incident_timeline WHERE case_number = @caseNumber",
            new { caseNumber, at = InstantTypeHandler.Format(entry.At), actor = entry.Actor.ToString(), kind = entry.Kind, text = Cut(entry.Text) },
            transaction).ConfigureAwait(false);
    }

    /// <summary>The timeline of <paramref name="caseNumber"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> ReadAsync(DbConnection connection, string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<Row>(
            "SELECT seq AS Seq, at AS At, actor AS Actor, kind AS Kind, text AS Text, repeats AS Repeats FROM incident_timeline " +
            "WHERE case_number = @caseNumber ORDER BY seq",
            new { caseNumber }).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The newest entry with its number and repeat count, or null for an empty timeline.</summary>
    internal static async Task<(long Seq, TimelineEntry Entry, long Repeats)?> LastAsync(DbConnection connection, DbTransaction transaction, string caseNumber)
    {
        var row = await connection.QueryFirstOrDefaultAsync<Row>(
            "SELECT seq AS Seq, at AS At, actor AS Actor, kind AS Kind, text AS Text, repeats AS Repeats FROM incident_timeline " +
            "WHERE case_number = @caseNumber ORDER BY seq DESC LIMIT 1",
            new { caseNumber }, transaction).ConfigureAwait(false);
        return row is null ? null : (row.Seq, row.ToEntry(), row.Repeats);
    }

    /// <summary>Rewrites a collapsed entry's text and repeat count in place.</summary>
    internal static Task UpdateRepeatAsync(DbConnection connection, DbTransaction transaction, string caseNumber, long seq, string text, long repeats) =>
        connection.ExecuteAsync(
            "UPDATE incident_timeline SET text = @text, repeats = @repeats WHERE case_number = @caseNumber AND seq = @seq",
            new { caseNumber, seq, text = Cut(text), repeats }, transaction);

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");

    private sealed class Row
    {
        public long Seq { get; set; }

        public string At { get; set; } = "";

        public string Actor { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Text { get; set; } = "";

        public long Repeats { get; set; }

        public TimelineEntry ToEntry() => new(InstantTypeHandler.Parse(At), Desk.Actor.Parse(Actor), Kind, Text);
    }
}
