using StandbyOps.Core.Sla;

namespace StandbyOps.Desk.Tickets;

/// <summary>A ticket a person asks for: for a customer's system, with title, description, priority and reporter.</summary>
/// <param name="Customer">Customer id.</param>
/// <param name="System">System id within the customer.</param>
/// <param name="Title">Short title (1 to <see cref="Incidents.Desk.IncidentDesk.MaxTitleLength"/> characters).</param>
/// <param name="Description">What the reporter said (up to <see cref="TicketDesk.MaxDescriptionLength"/> characters).</param>
/// <param name="Priority">P1…P4; null takes the system's criticality, as a check without its own priority does.</param>
/// <param name="Reporter">Who reported it (a name, or an e-mail address).</param>
/// <param name="ReporterEmail">Where the reporter gets mail about the ticket, if anywhere.</param>
/// <param name="Channel">One of <see cref="TicketChannel.Names"/>.</param>
public sealed record NewTicket(
    string? Customer,
    string? System,
    string? Title,
    string? Description,
    Priority? Priority,
    string? Reporter,
    string? ReporterEmail,
    string Channel);
