using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Billing.Tests.Support;
using static StandbyOps.Billing.Tests.Support.Standard;
using Interval = NodaTime.Interval;

namespace StandbyOps.Billing.Tests.Standby;

public class StandbyWindowsPropertyTests
{
    private const int Cases = 200;

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(Cases);

    private static readonly ContractTerms Terms = NlTerms();

    [Fact]
    public void Windows_partition_agreed_standby_outside_office_time_minute_for_minute()
    {
        // Periods anywhere in 2026, so holidays and both DST switches are in play.
        var periods = PeriodsIn(Local(2026, 1, 1, 0), daysInRange: 364, maxMinutes: 36 * 60);

        Check.One(Quick, Prop.ForAll(periods, agreed =>
        {
            var windows = StandbyWindows.Cut(agreed, Terms);
            var expected = OracleMinutesByCategory(agreed);

            foreach (var category in new[] { BillingCategory.Holiday, BillingCategory.Weekend, BillingCategory.Night })
            {
                var actual = windows.Where(w => w.Category == category).Sum(w => w.AgreedMinutes);
                if (actual != expected.GetValueOrDefault(category))
                {
                    throw new InvalidOperationException($"{category}: windows count {actual} minutes, minute-by-minute {expected.GetValueOrDefault(category)}.");
                }
            }
        }));
    }

    [Fact]
    public void Billed_hours_are_never_less_than_agreed_hours_and_equal_the_minimum_when_below_it()
    {
        var periods = PeriodsIn(Local(2026, 1, 1, 0), daysInRange: 364, maxMinutes: 3 * 24 * 60);

        Check.One(Quick, Prop.ForAll(periods, agreed => StandbyWindows.Cut(agreed, Terms).All(w =>
            w.BilledMinutes >= w.AgreedMinutes
            && w.BilledMinutes == Math.Max(w.AgreedMinutes, (long)(Terms.RateCard.RateOf(w.Category).MinimumHours * 60)))));
    }

    [Fact]
    public void Moving_agreed_standby_by_a_whole_week_without_holidays_or_dst_leaves_the_amount_unchanged()
    {
        // 1 June – 30 September 2026 has no NL holiday and no DST switch, also a week later.
        var periods = PeriodsIn(Local(2026, 6, 1, 0), daysInRange: 100, maxMinutes: 3 * 24 * 60);
        var week = Duration.FromDays(7);

        Check.One(Quick, Prop.ForAll(periods, agreed =>
        {
            var moved = agreed.Select(p => new Interval(p.Start + week, p.End + week)).ToArray();
            return Amount(StandbyWindows.Cut(agreed, Terms)) == Amount(StandbyWindows.Cut(moved, Terms));
        }));
    }

    /// <summary>One to four periods clustered within a week of a day in the range, so they overlap often.</summary>
    private static Arbitrary<Interval[]> PeriodsIn(Instant rangeStart, int daysInRange, int maxMinutes)
    {
        Gen<Interval> PeriodNear(Instant day) =>
            from startMinute in Gen.Choose(0, 7 * 24 * 60)
            from length in Gen.Choose(1, maxMinutes)
            let start = day + Duration.FromMinutes(startMinute)
            select new Interval(start, start + Duration.FromMinutes(length));

        return (
            from day in Gen.Choose(0, daysInRange)
            from count in Gen.Choose(1, 4)
            from periods in Gen.ArrayOf(PeriodNear(rangeStart + Duration.FromDays(day)), count)
            select periods).ToArbitrary();
    }

    private static decimal Amount(IEnumerable<StandbyWindow> windows) =>
        windows.Sum(w => Math.Round(w.BilledMinutes * Terms.RateCard.HourlyRate * w.RatePercent / 6000m, 2, MidpointRounding.AwayFromZero));

    /// <summary>Classifies every agreed minute by its local time on its own, the way DOMAIN.md's table reads.</summary>
    private static Dictionary<BillingCategory, long> OracleMinutesByCategory(IEnumerable<Interval> agreed)
    {
        var minutes = new HashSet<long>();
        foreach (var period in agreed)
        {
            for (var t = period.Start; t < period.End; t += Duration.FromMinutes(1))
            {
                minutes.Add(t.ToUnixTimeTicks() / NodaConstants.TicksPerMinute);
            }
        }

        var counts = new Dictionary<BillingCategory, long>();
        foreach (var minute in minutes)
        {
            var local = Instant.FromUnixTimeTicks(minute * NodaConstants.TicksPerMinute).InZone(Amsterdam).LocalDateTime;
            if (Classify(local) is { } category)
            {
                counts[category] = counts.GetValueOrDefault(category) + 1;
            }
        }

        return counts;
    }

    private static BillingCategory? Classify(LocalDateTime local)
    {
        var time = local.TimeOfDay;
        var daytime = time >= new LocalTime(8, 30) && time < new LocalTime(18, 0);
        if (NlHolidays2026.Instance.IsHoliday(local.Date))
        {
            return BillingCategory.Holiday;
        }

        if (local.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday && daytime)
        {
            return BillingCategory.Weekend;
        }

        return daytime ? null : BillingCategory.Night;
    }
}
