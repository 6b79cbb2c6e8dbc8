using NodaTime;
using StandbyOps.Billing.Rates;
using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.RateCards;
using StandbyOps.Core.Calendars;
using StandbyOps.Core.Holidays;
using StandbyOps.Core.Sla;

namespace StandbyOps.Incidents.Contracts;

/// <summary>Turns the validated configuration's contract sections into the domain's calendars, SLA contracts and rate cards.</summary>
public static class ContractMapping
{
    /// <summary>The calendar's zone, opening ranges, built-in holiday sets, own rules and extra/excepted dates.</summary>
    /// <exception cref="ArgumentException">The calendar has no opening range in the whole week.</exception>
    public static BusinessCalendar ToBusinessCalendar(CalendarConfig calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var hours = calendar.Hours.ToDictionary(
            day => day.Key,
            day => (IReadOnlyList<OpeningRange>)day.Value.Select(r => new OpeningRange(r.From, r.To)).ToArray());
        return new BusinessCalendar(
            calendar.Zone,
            new WeeklyOpeningHours(hours),
            calendar.Rules is { Count: > 0 } own
                ? [.. calendar.HolidaySets.Select(HolidayRuleSet.Get), HolidayRuleSet.Own($"{calendar.Id} (own rules)", own)]
                : calendar.HolidaySets.Select(HolidayRuleSet.Get),
            calendar.Extra,
            calendar.Except);
    }

    /// <summary>The SLA targets per priority; a priority without an entry has no deadlines.</summary>
    public static SlaContract ToSlaContract(IReadOnlyDictionary<Priority, SlaTermsConfig> sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return new SlaContract(sla.ToDictionary(
            terms => terms.Key,
            terms => new PriorityTargets(ToSlaTarget(terms.Value.Response), terms.Value.Resolution is { } resolution ? ToSlaTarget(resolution) : null)));
    }

    public static SlaTarget ToSlaTarget(SlaTargetConfig target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            SlaTargetKind.BusinessHours => SlaTarget.BusinessHours(target.Amount),
            SlaTargetKind.BusinessDays => SlaTarget.BusinessDays(target.Amount),
            SlaTargetKind.WallClock => SlaTarget.WallClock(target.Elapsed),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown SLA target kind."),
        };
    }

    public static RateCard ToRateCard(RateCardConfig card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RateCard(
            card.Currency,
            card.HourlyRate,
            card.VatPercent,
            new CategoryRate(card.Holiday.Percent, card.Holiday.MinimumHours),
            new WeekendRate(card.Weekend.Days, card.Weekend.From, card.Weekend.To, card.Weekend.Percent, card.Weekend.MinimumHours),
            new NightRate(card.Night.From, card.Night.To, card.Night.Percent, card.Night.MinimumHours),
            new CategoryRate(card.Callout.Percent, card.Callout.MinimumHours));
    }

    /// <summary>The standby response time, never zero (the contract's, else 30 minutes).</summary>
    public static Duration ToStandbyResponseWithin(StandbyConfig standby)
    {
        ArgumentNullException.ThrowIfNull(standby);
        return standby.ResponseWithin > Duration.Zero ? standby.ResponseWithin : SlaClock.DefaultStandbyResponseWithin;
    }
}
