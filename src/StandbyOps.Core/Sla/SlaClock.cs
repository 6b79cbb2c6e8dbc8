using NodaTime;
using StandbyOps.Core.Calendars;

namespace StandbyOps.Core.Sla;

/// <summary>
/// Computes an incident's SLA deadlines (DOMAIN.md "SLA deadlines", "Standby response") and tells whether
/// they are breached. Pure: every instant is an argument.
/// </summary>
public static class SlaClock
{
    /// <summary>The standby response time when the contract does not name one.</summary>
    public static Duration DefaultStandbyResponseWithin { get; } = Duration.FromMinutes(30);

    /// <summary>
    /// Business-time targets walk <paramref name="calendar"/> from <paramref name="openedAt"/> (an incident opened
    /// while closed starts its clock at the next opening); wall-clock targets add elapsed time. Inside agreed
    /// standby the response is due at the earlier of the contract's rule and
    /// <paramref name="openedAt"/> + <paramref name="standbyResponseWithin"/>, even for a priority without targets.
    /// </summary>
    public static SlaDeadlines ComputeDeadlines(
        Instant openedAt,
        Priority priority,
        SlaContract contract,
        BusinessCalendar calendar,
        bool insideAgreedStandby,
        Duration standbyResponseWithin)
    {
        Preconditions.NotNull(contract, nameof(contract));
        Preconditions.NotNull(calendar, nameof(calendar));
        Preconditions.CheckRange(
            standbyResponseWithin > Duration.Zero,
            nameof(standbyResponseWithin),
            standbyResponseWithin,
            "The standby response time must be positive.");

        var targets = contract.For(priority);
        var response = targets?.Response.DueFrom(openedAt, calendar);
        if (insideAgreedStandby)
        {
            var standbyDue = openedAt + standbyResponseWithin;
            response = response is { } contractDue && contractDue < standbyDue ? contractDue : standbyDue;
        }

        return new SlaDeadlines(response, targets?.Resolution?.DueFrom(openedAt, calendar));
    }

    /// <summary>
    /// Breached when not acknowledged by the deadline: an acknowledgement exactly at the deadline is in time, so
    /// without one the breach begins just after it.
    /// </summary>
    public static bool IsResponseBreached(SlaDeadlines deadlines, Instant? acknowledgedAt, Instant now)
        => IsBreached(Preconditions.NotNull(deadlines, nameof(deadlines)).ResponseDueAt, acknowledgedAt, now);

    /// <summary>Breached when not resolved by the deadline (resolving exactly at the deadline is in time).</summary>
    public static bool IsResolutionBreached(SlaDeadlines deadlines, Instant? resolvedAt, Instant now)
        => IsBreached(Preconditions.NotNull(deadlines, nameof(deadlines)).ResolutionDueAt, resolvedAt, now);

    private static bool IsBreached(Instant? dueAt, Instant? doneAt, Instant now)
        => dueAt is { } due && (doneAt is { } done ? done > due : now > due);
}
