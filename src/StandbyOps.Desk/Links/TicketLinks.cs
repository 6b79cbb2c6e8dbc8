using Dapper;
using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.Links;

/// <summary>
/// Internal ticket links (smartwork: "an internal development ticket is linked when needed"): URL and label per
/// ticket, one per URL (putting the same URL again changes its label). Each new link is also an
/// <see cref="TimelineKinds.InternalLink"/> entry, which customers never see.
/// </summary>
public sealed class TicketLinks(IDatabase database, IClock clock, IncidentDesk desk)
{
    /// <summary>The longest label accepted.</summary>
    public const int MaxLabelLength = 200;

    /// <summary>The longest URL accepted.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>What is wrong with <paramref name="url"/> and <paramref name="label"/>, by field; empty when both are fine.</summary>
    public static Dictionary<string, string[]> Validate(string? url, string? label)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            errors["url"] = [$"An internal link needs an absolute http or https URL of at most {MaxUrlLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(label) || label.Trim().Length > MaxLabelLength)
        {
            errors["label"] = [$"A link needs a label of 1 to {MaxLabelLength} characters, e.g. DEV-1234."];
        }

        return errors;
    }

    /// <summary>Adds (or relabels) a link; false when the ticket is unknown. Call <see cref="Validate"/> first.</summary>
    public async Task<bool> PutAsync(string caseNumber, string url, string label, Actor who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        var added = await database.WriteAsync(async (c, t) =>
        {
            var existing = await c.QuerySingleOrDefaultAsync<string?>(
                "SELECT label FROM desk_links WHERE case_number = @caseNumber AND url = @url", new { caseNumber, url = url.Trim() }, t).ConfigureAwait(false);
            if (existing == label.Trim())
            {
                return false;
            }

            await c.ExecuteAsync(
                "INSERT INTO desk_links (case_number, url, label, added_by, added_at) VALUES (@caseNumber, @url, @label, @by, @at) " +
                "ON CONFLICT (case_number, url) DO UPDATE SET label = excluded.label",
                new { caseNumber, url = url.Trim(), label = label.Trim(), by = who.ToString(), at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            await desk.RecordAsync(caseNumber, new TimelineEntry(now, who, TimelineKinds.InternalLink, $"Linked internal ticket {label.Trim()}: {url.Trim()}"), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The links of a ticket, in the order they were added.</summary>
    public Task<IReadOnlyList<TicketLink>> ListAsync(string caseNumber, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<TicketLink>>(async c =>
            (await c.QueryAsync<(string Url, string Label, string AddedBy, string AddedAt)>(
                "SELECT url, label, added_by, added_at FROM desk_links WHERE case_number = @caseNumber ORDER BY added_at, url", new { caseNumber }).ConfigureAwait(false))
            .Select(r => new TicketLink(r.Url, r.Label, r.AddedBy, InstantTypeHandler.Parse(r.AddedAt))).ToList(), cancellationToken);
}
