using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.RateCards;
using StandbyOps.Configuration.Reading;
using StandbyOps.Configuration.Teams;

namespace StandbyOps.Configuration.Customers;

/// <summary>What reading customers needs from the rest of the file, and the names that must be unique across all customers.</summary>
internal sealed record CustomerContext(
    IReadOnlyDictionary<string, CalendarConfig> Calendars,
    IReadOnlyDictionary<string, RateCardConfig> RateCards,
    IReadOnlyDictionary<string, TeamSection.TeamEntry> Teams)
{
    public UniqueNames SystemIds { get; } = new();

    public UniqueNames HeartbeatTokens { get; } = new();

    public UniqueNames AlertmanagerMatches { get; } = new();
}
