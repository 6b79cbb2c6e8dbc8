using NodaTime;

namespace StandbyOps.Incidents.Desk;

/// <summary>One line of an incident's timeline: when, who, what kind (see <see cref="TimelineKinds"/>) and a human text.</summary>
public sealed record TimelineEntry(Instant At, Actor Actor, string Kind, string Text);
