using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Configuration;
using StandbyOps.Core.Calendars;
using StandbyOps.Core.Holidays;
using StandbyOps.Core.Sla;
using StandbyOps.Core.Standby;
using CustomerConfig = StandbyOps.Configuration.Customers.CustomerConfig;

namespace StandbyOps.Incidents.Contracts;

/// <summary>
/// What the desk needs from one customer's contract: the business calendar, the SLA targets, the recurring
/// standby coverage (read through the rate card's night/weekend ranges and the calendar's holidays, exactly as
/// billing reads it) and the standby response time.
/// </summary>
public sealed class CustomerContract
{
    private CustomerContract(string customer, BusinessCalendar calendar, SlaContract sla, StandbyCoverage coverage, ContractTerms terms, Duration standbyResponseWithin, Duration? warnBefore)
    {
        WarnBefore = warnBefore;
        Customer = customer;
        Calendar = calendar;
        Sla = sla;
        Coverage = coverage;
        Terms = terms;
        StandbyResponseWithin = standbyResponseWithin;
    }

    public string Customer { get; }

    public BusinessCalendar Calendar { get; }

    public SlaContract Sla { get; }

    /// <summary>Recurring agreed standby; one-off periods are added per question.</summary>
    public StandbyCoverage Coverage { get; }

    /// <summary>Zone, rate card and holidays, as billing needs them for coverage.</summary>
    public ContractTerms Terms { get; }

    public Duration StandbyResponseWithin { get; }

    /// <summary>How long before a deadline its warning is due (<c>sla.warnBefore</c>); null: no warnings.</summary>
    public Duration? WarnBefore { get; }

    /// <summary>Builds the contract of <paramref name="customer"/> from the validated configuration.</summary>
    /// <exception cref="ArgumentException">The customer's calendar has no opening hours at all.</exception>
    public static CustomerContract FromConfig(StandbyOpsConfig config, CustomerConfig customer)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(customer);
        var calendar = ContractMapping.ToBusinessCalendar(config.Calendars[customer.Calendar]);
        var terms = new ContractTerms(calendar.Zone, ContractMapping.ToRateCard(config.RateCards[customer.RateCard]), HolidayCalendar.Of(calendar.IsHoliday));
        return new CustomerContract(
            customer.Id,
            calendar,
            ContractMapping.ToSlaContract(customer.Sla),
            customer.Standby.Coverage,
            terms,
            ContractMapping.ToStandbyResponseWithin(customer.Standby),
            customer.SlaWarnBefore);
    }

    /// <summary>Whether <paramref name="at"/> lies in the recurring coverage or one of <paramref name="oneOffPeriods"/>.</summary>
    public bool IsInsideAgreedStandby(Instant at, IEnumerable<StandbyPeriod> oneOffPeriods) =>
        new AgreedStandby(Coverage, oneOffPeriods).Contains(at, Terms.Standby);

    /// <summary>The deadlines of an incident of <paramref name="priority"/> opened at <paramref name="openedAt"/>.</summary>
    public SlaDeadlines DeadlinesFor(Priority priority, Instant openedAt, bool insideAgreedStandby) =>
        SlaClock.ComputeDeadlines(openedAt, priority, Sla, Calendar, insideAgreedStandby, StandbyResponseWithin);
}
