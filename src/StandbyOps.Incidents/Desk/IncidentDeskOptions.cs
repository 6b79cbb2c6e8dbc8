using NodaTime;

namespace StandbyOps.Incidents.Desk;

/// <summary>Tunables of the desk.</summary>
public sealed record IncidentDeskOptions
{
    /// <summary>A resolved incident closes itself after this long without a new failure (DOMAIN.md "States").</summary>
    public Duration AutoCloseAfter { get; init; } = Duration.FromHours(24);

    /// <summary>
    /// Repeated failures within this window of the latest <c>failure-repeated</c> entry update that entry's count
    /// instead of adding one, so a check failing every second yields at most one entry per window.
    /// </summary>
    public Duration RepeatCollapseWindow { get; init; } = Duration.FromMinutes(1);
}
