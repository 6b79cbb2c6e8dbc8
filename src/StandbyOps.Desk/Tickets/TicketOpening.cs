using StandbyOps.Incidents.Desk;

namespace StandbyOps.Desk.Tickets;

/// <summary>The outcome of <see cref="TicketDesk.OpenAsync"/>: the opened incident, or what was wrong with the request, by field.</summary>
public sealed record TicketOpening(Incident? Incident, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>True when the ticket was opened.</summary>
    public bool Opened => Incident is not null;
}
