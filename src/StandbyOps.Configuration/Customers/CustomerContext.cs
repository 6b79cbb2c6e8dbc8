using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.RateCards;
using StandbyOps.Configuration.Reading;
using StandbyOps.Configuration.Teams;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// What reading customers needs from the rest of the file (<see cref="SendsMail"/>: <c>mail.smtp</c> is set), and the
/// names that must be unique across all customers.
/// </summary>
internal sealed record CustomerContext(
    IReadOnlyDictionary<string, CalendarConfig> Calendars,
    IReadOnlyDictionary<string, RateCardConfig> RateCards,
    IReadOnlyDictionary<string, TeamSection.TeamEntry> Teams,
    bool SendsMail)
{
    public UniqueNames SystemIds { get; } = new();

    public UniqueNames HeartbeatTokens { get; } = new();

    public UniqueNames AlertmanagerMatches { get; } = new();
}
