using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;

namespace StandbyOps.Incidents.Priorities;

/// <summary>
/// Which ITIL priority a failure signal carries (DOMAIN.md "Priority"): a check, heartbeat or push rule
/// states its own or inherits the system's criticality; an Alertmanager alert reads its labels. Pure.
/// </summary>
public static class PriorityResolver
{
    /// <summary>The Alertmanager label that names a priority directly (<c>P1</c>…<c>P4</c>).</summary>
    public const string PriorityLabel = "priority";

    /// <summary>The Alertmanager label mapped when <see cref="PriorityLabel"/> is absent or not a priority.</summary>
    public const string SeverityLabel = "severity";

    /// <summary>The priority of an alert whose labels say nothing usable.</summary>
    public const Priority DefaultAlertPriority = Priority.P3;

    /// <summary>critical→P1, high→P2, medium→P3, low→P4.</summary>
    public static Priority FromCriticality(Criticality criticality) => criticality.DefaultPriority();

    /// <summary>A check's, heartbeat's or push rule's own priority when it states one, else its system's criticality.</summary>
    public static Priority ForRule(Priority? own, Criticality systemCriticality) =>
        own ?? FromCriticality(systemCriticality);

    /// <summary>
    /// An alert's <c>priority</c> label (<c>P1</c>…<c>P4</c>, any case) when it is one, else its <c>severity</c> label
    /// mapped by <see cref="FromSeverity"/>. Label names are exact, as Prometheus label names are case-sensitive.
    /// </summary>
    public static Priority ForAlert(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.TryGetValue(PriorityLabel, out var text) && PriorityText.TryParse(text, out var priority))
        {
            return priority;
        }

        return FromSeverity(labels.GetValueOrDefault(SeverityLabel));
    }

    /// <summary>critical→P1, error/high→P2, warning→P3, info→P4 (any case); anything else or nothing → P3.</summary>
    public static Priority FromSeverity(string? severity) => severity?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => Priority.P1,
        "ERROR" or "HIGH" => Priority.P2,
        "WARNING" => Priority.P3,
        "INFO" => Priority.P4,
        _ => DefaultAlertPriority,
    };
}
