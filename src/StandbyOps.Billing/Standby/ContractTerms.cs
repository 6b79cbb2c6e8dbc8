using NodaTime;
using StandbyOps.Billing.Rates;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Billing.Standby;

/// <summary>What billing needs from a customer's contract: its zone, rate card and holiday calendar.</summary>
public sealed record ContractTerms
{
    /// <summary>Creates the terms; all parts are required.</summary>
    public ContractTerms(DateTimeZone zone, RateCard rateCard, IHolidayCalendar holidays)
    {
        Zone = Preconditions.NotNull(zone, nameof(zone));
        RateCard = Preconditions.NotNull(rateCard, nameof(rateCard));
        Holidays = Preconditions.NotNull(holidays, nameof(holidays));
        Standby = new StandbyTerms(zone, rateCard.Night.Hours, rateCard.Weekend.Hours, holidays);
    }

    /// <summary>The contract's zone: categories, months and local times are read in it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Prices and category ranges.</summary>
    public RateCard RateCard { get; }

    /// <summary>The contract calendar's holidays.</summary>
    public IHolidayCalendar Holidays { get; }

    /// <summary>What agreed standby is read through: the same zone, the rate card's nights and weekend daytime, the holidays.</summary>
    public StandbyTerms Standby { get; }
}
