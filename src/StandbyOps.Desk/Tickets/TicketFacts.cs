namespace StandbyOps.Desk.Tickets;

/// <summary>What a ticket from a person carries beyond the incident: channel, reporter and description.</summary>
public sealed class TicketFacts
{
    public string Channel { get; set; } = "";

    public string Reporter { get; set; } = "";

    public string? ReporterEmail { get; set; }

    public string Description { get; set; } = "";
}
