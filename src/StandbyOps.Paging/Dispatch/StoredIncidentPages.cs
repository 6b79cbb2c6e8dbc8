using Dapper;
using StandbyOps.Incidents.Pages;
using StandbyOps.Storage.Database;

namespace StandbyOps.Paging.Dispatch;

/// <summary>The pages sent about an incident, for its detail view.</summary>
public sealed class StoredIncidentPages(IDatabase database) : IIncidentPagesSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentPage>> PagesForAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(async c => (await c.QueryAsync<PageView>(
            """
            SELECT DISTINCT p.engineer AS Engineer, p.phone AS Phone, p.sent_at AS SentAt, p.status AS Status, p.provider_id AS ProviderId
            FROM paging_pages p JOIN paging_items i ON i.page_id = p.id
            WHERE i.case_number = @caseNumber
            ORDER BY p.sent_at
            """, new { caseNumber }).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new IncidentPage(r.Engineer, r.Phone, InstantTypeHandler.Parse(r.SentAt), r.Status, r.ProviderId))];
    }

    private sealed record PageView(string Engineer, string Phone, string SentAt, string Status, string? ProviderId);
}
