using NodaTime;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Core.Standby;

/// <summary>
/// What agreed standby is read through: the contract's zone, its nights and weekend daytime (the rate card's ranges) and
/// its calendar's holidays. Billing, paging, the SLA clock and the API all ask <see cref="AgreedStandby"/> with these.
/// </summary>
public sealed record StandbyTerms
{
    /// <summary>Creates the terms; the weekend range must fit the nights (<see cref="WeekendHours.RequireFits"/>).</summary>
    public StandbyTerms(DateTimeZone zone, NightHours night, WeekendHours weekend, IHolidayCalendar holidays)
    {
        Zone = Preconditions.NotNull(zone, nameof(zone));
        Night = Preconditions.NotNull(night, nameof(night));
        Weekend = Preconditions.NotNull(weekend, nameof(weekend));
        Holidays = Preconditions.NotNull(holidays, nameof(holidays));
        weekend.RequireFits(night);
    }

    /// <summary>The contract's zone: local times are read in it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Every night's range.</summary>
    public NightHours Night { get; }

    /// <summary>The weekend days' daytime range.</summary>
    public WeekendHours Weekend { get; }

    /// <summary>The contract calendar's holidays.</summary>
    public IHolidayCalendar Holidays { get; }
}
