using NodaTime;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// What one escalation step does: whom it pages (engineer id and E.164 phone), when its next step is due, when to send,
/// and through which <see cref="PageChannel"/>.
/// </summary>
public sealed record StepPlan(IReadOnlyList<(string Engineer, string Phone)> Targets, Instant? NextDue, Instant SendAt, string Channel = PageChannel.Sms);
