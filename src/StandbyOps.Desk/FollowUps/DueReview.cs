using NodaTime;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Desk.FollowUps;

/// <summary>A follow-up review the desk owes a ticket: which one, since when, and the ticket as it stands.</summary>
public sealed record DueReview(int Number, Instant DueAt, Incident Incident);
