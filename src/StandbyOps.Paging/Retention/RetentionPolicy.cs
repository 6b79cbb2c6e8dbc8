using NodaTime;

namespace StandbyOps.Paging.Retention;

/// <summary>
/// How long finished work stays in the store (docs/operations.md "Retention"). Incidents and their timelines are the
/// record and are kept; what goes is the machinery that ran them once it can no longer matter.
/// </summary>
/// <param name="CompletedIntents">A finished intent (escalation step, send, SLA deadline) after it finished.</param>
/// <param name="FinishedPages">A page whose delivery is final (delivered, undelivered, failed) after it was sent, with its page items and log-outbox copy.</param>
/// <param name="ClosedIncidentWork">A closed incident's escalations, steps run, unsent items and released reply codes after it closed.</param>
public sealed record RetentionPolicy(Duration CompletedIntents, Duration FinishedPages, Duration ClosedIncidentWork)
{
    /// <summary>7 days for intents, 90 days for pages, 30 days for a closed incident's working rows.</summary>
    public static RetentionPolicy Default { get; } = new(Duration.FromDays(7), Duration.FromDays(90), Duration.FromDays(30));
}
