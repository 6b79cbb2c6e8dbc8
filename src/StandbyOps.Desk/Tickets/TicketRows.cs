using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.Tickets;

/// <summary>Reads and writes <c>desk_tickets</c>.</summary>
internal static class TicketRows
{
    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, string dedupKey, NewTicket ticket, string reporter, string description, string openedBy, Instant at) =>
        connection.ExecuteAsync(
            "INSERT INTO desk_tickets (dedup_key, channel, reporter, reporter_email, description, opened_by, created_at) " +
            "VALUES (@dedupKey, @channel, @reporter, @email, @description, @openedBy, @at) ON CONFLICT DO NOTHING",
            new { dedupKey, channel = ticket.Channel, reporter, email = ticket.ReporterEmail, description, openedBy, at = InstantTypeHandler.Format(at) },
            transaction);

    public static Task<TicketFacts?> FindByCaseAsync(DbConnection connection, string caseNumber) =>
        connection.QuerySingleOrDefaultAsync<TicketFacts>(
            "SELECT d.channel AS Channel, d.reporter AS Reporter, d.reporter_email AS ReporterEmail, d.description AS Description " +
            "FROM desk_tickets d JOIN incidents i ON i.dedup_key = d.dedup_key WHERE i.case_number = @caseNumber",
            new { caseNumber });
}
