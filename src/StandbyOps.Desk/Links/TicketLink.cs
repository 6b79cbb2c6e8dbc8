using NodaTime;

namespace StandbyOps.Desk.Links;

/// <summary>A link from a ticket to an internal or development ticket (staff only, never shown to customers).</summary>
public sealed record TicketLink(string Url, string Label, string AddedBy, Instant AddedAt);
