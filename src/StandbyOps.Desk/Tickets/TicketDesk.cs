using System.Globalization;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Priorities;
using StandbyOps.Incidents.Signals;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.Tickets;

/// <summary>
/// Tickets opened by people (the desk on the phone, a contact in the portal, a mail): each is opened through the
/// same <see cref="IncidentDesk.HandleFailureAsync"/> the monitors use, under a dedup key of its own, so it gets the
/// case number, SLA deadlines, queue position and paging of a machine incident of that priority. It never resolves
/// itself (no recovery signal ever comes for it).
/// </summary>
public sealed class TicketDesk
{
    /// <summary>The longest description accepted.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>The longest reporter accepted.</summary>
    public const int MaxReporterLength = Actor.MaxNameLength;

    /// <summary>Dedup keys of tickets from people start with this.</summary>
    public const string DedupPrefix = "ticket:";

    private readonly IDatabase _database;
    private readonly IClock _clock;
    private readonly IncidentDesk _desk;
    private readonly Func<StandbyOpsConfig> _config;

    public TicketDesk(IDatabase database, IClock clock, IncidentDesk desk, Func<StandbyOpsConfig> config)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _desk = desk ?? throw new ArgumentNullException(nameof(desk));
        _config = config ?? throw new ArgumentNullException(nameof(config));
    }

    /// <summary>Checks <paramref name="ticket"/> against the configuration and opens it as <paramref name="openedBy"/>; or says what is wrong, by field.</summary>
    /// <param name="dedupKey">
    /// A key of the caller's (e-mail intake derives one from the Message-ID), so opening the same ticket again while it
    /// is not closed counts as a repeat instead of a second ticket; null: a new key each time.
    /// </param>
    public async Task<TicketOpening> OpenAsync(NewTicket ticket, Actor openedBy, CancellationToken cancellationToken = default, string? dedupKey = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(openedBy);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var config = _config();
        var customerId = ticket.Customer?.Trim() ?? string.Empty;
        var systemId = ticket.System?.Trim() ?? string.Empty;
        var title = ticket.Title?.Trim() ?? string.Empty;
        var description = ticket.Description?.Trim() ?? string.Empty;
        var reporter = ticket.Reporter?.Trim() is { Length: > 0 } named ? named : openedBy.Name;
        Priority? priority = ticket.Priority;

        if (!config.Customers.TryGetValue(customerId, out var customer))
        {
            errors["customer"] = [customerId.Length == 0 ? "A ticket needs a customer." : $"There is no customer '{customerId}'."];
        }
        else if (!customer.Systems.TryGetValue(systemId, out var system))
        {
            var known = string.Join(", ", customer.Systems.Keys.Order(StringComparer.Ordinal));
            errors["system"] = [systemId.Length == 0 ? $"A ticket needs a system of {customerId}: one of {known}." : $"Customer '{customerId}' has no system '{systemId}'; it has: {known}."];
        }
        else
        {
            priority ??= PriorityResolver.FromCriticality(system.Criticality);
        }

        if (title.Length is 0 or > IncidentDesk.MaxTitleLength)
        {
            errors["title"] = [$"A title needs 1 to {IncidentDesk.MaxTitleLength} characters."];
        }

        if (description.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"A description has at most {MaxDescriptionLength} characters."];
        }

        if (reporter.Length > MaxReporterLength)
        {
            errors["reporter"] = [$"A reporter has at most {MaxReporterLength} characters."];
        }

        if (!TicketChannel.IsKnown(ticket.Channel))
        {
            errors["channel"] = [$"'{ticket.Channel}' is not a channel. Use one of: {string.Join(", ", TicketChannel.Names)}."];
        }

        if (errors.Count > 0 || priority is not { } wanted)
        {
            return new TicketOpening(null, errors);
        }

        var now = _clock.GetCurrentInstant();
        dedupKey ??= DedupPrefix + Guid.NewGuid().ToString("N");
        await _database.WriteAsync(
            (c, t) => TicketRows.InsertAsync(c, t, dedupKey, ticket, reporter, description, openedBy.ToString(), now), cancellationToken).ConfigureAwait(false);
        var reason = string.Create(CultureInfo.InvariantCulture, $"reported by {reporter} via {ticket.Channel}{(description.Length == 0 ? string.Empty : ": " + description)}");
        var change = await _desk.HandleFailureAsync(
            new FailureSignal(customerId, systemId, TicketChannel.SourceOf(ticket.Channel), dedupKey, wanted, title, reason, now, AutoResolve: false, OpenedBy: openedBy),
            cancellationToken).ConfigureAwait(false);
        return new TicketOpening(change.Incident, errors);
    }

    /// <summary>The channel, reporter and description of a ticket from a person; null for a machine incident.</summary>
    public Task<TicketFacts?> FactsAsync(string caseNumber, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(c => TicketRows.FindByCaseAsync(c, caseNumber), cancellationToken);
}
