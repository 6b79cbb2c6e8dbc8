using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using StandbyOps.Core.Calendars;
using StandbyOps.Core.Time;
using static StandbyOps.Core.Tests.Calendars.TestCalendars;

namespace StandbyOps.Core.Tests.Calendars;

public class BusinessCalendarPropertyTests
{
    private const int Cases = 300;

    private static readonly Instant Year2025 = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly int SecondsTo2031 = (int)(Instant.FromUtc(2031, 1, 1, 0, 0) - Year2025).TotalSeconds;

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(Cases);

    public static TheoryData<string> Calendars => ["nl-office", "us-lunch-break", "amsterdam-night-shift"];

    /// <summary>Instants in 2025–2030 to the second, with the business time to add in whole minutes (up to 30 days).</summary>
    private static Arbitrary<(Instant Start, Duration Add)> StartAndDuration { get; } =
        (from seconds in Gen.Choose(0, SecondsTo2031)
         from minutes in Gen.OneOf(Gen.Choose(0, 600), Gen.Choose(0, 60 * 24 * 30))
         select (Year2025 + Duration.FromSeconds(seconds), Duration.FromMinutes(minutes))).ToArbitrary();

    private static Arbitrary<Instant> Instants { get; } =
        Gen.Choose(0, SecondsTo2031).Select(seconds => Year2025 + Duration.FromSeconds(seconds)).ToArbitrary();

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Adding_business_time_then_measuring_it_back_returns_the_same_duration(string name)
    {
        var calendar = Named(name);

        Check.One(Quick, Prop.ForAll(StartAndDuration, sample =>
            calendar.BusinessTimeBetween(sample.Start, calendar.AddBusinessTime(sample.Start, sample.Add)) == sample.Add));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void A_deadline_never_falls_outside_opening_hours(string name)
    {
        var calendar = Named(name);

        // A deadline is open or exactly at a closing time: the instant just before it is always open.
        Check.One(Quick, Prop.ForAll(StartAndDuration, sample =>
        {
            var add = sample.Add == Duration.Zero ? Duration.FromMinutes(1) : sample.Add;
            var due = calendar.AddBusinessTime(sample.Start, add);
            return due > sample.Start && calendar.IsOpen(due - Duration.Epsilon);
        }));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Next_opening_is_idempotent_open_and_not_earlier(string name)
    {
        var calendar = Named(name);

        Check.One(Quick, Prop.ForAll(Instants, t =>
        {
            var next = calendar.NextOpening(t);
            return calendar.NextOpening(next) == next
                && calendar.IsOpen(next)
                && next >= t
                && calendar.BusinessTimeBetween(t, next) == Duration.Zero;
        }));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Adding_business_time_agrees_with_a_day_by_day_walk(string name)
    {
        var calendar = Named(name);

        Check.One(Quick, Prop.ForAll(StartAndDuration, sample =>
            calendar.AddBusinessTime(sample.Start, sample.Add) == WalkDayByDay(calendar, sample.Start, sample.Add)));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Business_time_between_adds_up_over_a_split_point(string name)
    {
        var calendar = Named(name);
        var triples = (from a in Instants.Generator from b in Instants.Generator from c in Instants.Generator select (a, b, c)).ToArbitrary();

        Check.One(Quick, Prop.ForAll(triples, x =>
            calendar.BusinessTimeBetween(x.a, x.b) + calendar.BusinessTimeBetween(x.b, x.c) == calendar.BusinessTimeBetween(x.a, x.c)));
    }

    private static BusinessCalendar Named(string name) => name switch
    {
        "nl-office" => NlOffice,
        "us-lunch-break" => UsLunchBreak,
        _ => AmsterdamNightShift,
    };

    /// <summary>An independent, slow oracle: resolve each date's ranges and walk them one by one.</summary>
    private static Instant WalkDayByDay(BusinessCalendar calendar, Instant start, Duration add)
    {
        var remaining = add;
        for (var date = start.InZone(calendar.Zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            if (calendar.IsHoliday(date))
            {
                continue;
            }

            foreach (var range in calendar.Hours.For(date.DayOfWeek))
            {
                var from = LocalTimePolicy.ToInstant(date, range.From, calendar.Zone);
                var to = range.EndsAtMidnight
                    ? LocalTimePolicy.StartOfDay(date.PlusDays(1), calendar.Zone)
                    : LocalTimePolicy.ToInstant(date, range.To, calendar.Zone);
                if (to <= start)
                {
                    continue;
                }

                var begin = from > start ? from : start;
                if (remaining <= to - begin)
                {
                    return begin + remaining;
                }

                remaining -= to - begin;
            }
        }
    }
}
