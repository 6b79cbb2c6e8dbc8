using Dapper;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// What a paged engineer does from the phone, by SMS reply or by keypress in a paging call: acknowledge or resolve an
/// incident through the desk (the same operation as the web and the API), only about incidents this phone was paged for.
/// </summary>
public sealed class PagedEngineerActions(IDatabase database, IncidentDesk desk)
{
    /// <summary>
    /// Acknowledges (or, with <paramref name="resolve"/>, resolves) <paramref name="caseNumber"/> as <paramref name="who"/>
    /// via <paramref name="via"/> when a text or call to <paramref name="phone"/> was about it; the short answer to give.
    /// </summary>
    public async Task<string> ActAsync(string? caseNumber, string phone, Actor who, bool resolve, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        ArgumentNullException.ThrowIfNull(who);
        if (caseNumber is null)
        {
            return "Unknown or expired code. " + SmsReplyHandler.Help;
        }

        var paged = await database.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM paging_items WHERE case_number = @caseNumber AND phone = @phone AND page_id IS NOT NULL AND page_id <> '-'",
            new { caseNumber, phone }), cancellationToken).ConfigureAwait(false);
        if (paged == 0)
        {
            return $"You were not paged for {caseNumber}.";
        }

        var change = resolve
            ? await desk.ResolveAsync(caseNumber, who, via, cancellationToken).ConfigureAwait(false)
            : await desk.AcknowledgeAsync(caseNumber, who, via, cancellationToken).ConfigureAwait(false);
        return change.Incident is { } incident
            ? $"{caseNumber} {incident.State.ToString().ToLowerInvariant()}."
            : $"{caseNumber} not found.";
    }
}
