using NodaTime;
using StandbyOps.Core.Time;
using static StandbyOps.Core.Tests.TestTime;

namespace StandbyOps.Core.Tests.Time;

public class LocalTimePolicyTests
{
    [Theory]
    [InlineData("Europe/Amsterdam", "2026-03-29 02:30", "2026-03-29T01:30:00Z")] // gap 02:00-03:00 → 03:30 CEST
    [InlineData("Europe/Amsterdam", "2026-10-25 02:30", "2026-10-25T00:30:00Z")] // overlap → earlier (CEST)
    [InlineData("America/New_York", "2026-03-08 02:30", "2026-03-08T07:30:00Z")] // gap 02:00-03:00 → 03:30 EDT
    [InlineData("America/New_York", "2026-11-01 01:30", "2026-11-01T05:30:00Z")] // overlap → earlier (EDT)
    [InlineData("Europe/Amsterdam", "2026-03-29 03:00", "2026-03-29T01:00:00Z")] // first valid time after the gap
    [InlineData("Europe/Amsterdam", "2026-07-01 12:00", "2026-07-01T10:00:00Z")] // ordinary summer time
    public void Local_time_resolves_by_the_one_policy(string zoneId, string local, string expectedUtc)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var localTime = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse(local).Value;

        Assert.Equal(Utc(expectedUtc), LocalTimePolicy.ToInstant(localTime, zone));
    }

    [Fact]
    public void A_gap_time_shifts_forward_by_the_length_of_the_gap()
    {
        var resolved = LocalTimePolicy.ToZoned(new LocalDateTime(2026, 3, 29, 2, 30), Amsterdam);

        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 30), resolved.LocalDateTime);
    }

    [Fact]
    public void The_night_of_24_to_25_october_2026_in_amsterdam_lasts_fifteen_and_a_half_hours()
    {
        var start = LocalTimePolicy.ToInstant(new LocalDateTime(2026, 10, 24, 18, 0), Amsterdam);
        var end = LocalTimePolicy.ToInstant(new LocalDateTime(2026, 10, 25, 8, 30), Amsterdam);

        Assert.Equal(Duration.FromMinutes(15 * 60 + 30), end - start);
    }

    [Fact]
    public void The_night_of_28_to_29_march_2026_in_amsterdam_lasts_thirteen_and_a_half_hours()
    {
        var start = LocalTimePolicy.ToInstant(new LocalDateTime(2026, 3, 28, 18, 0), Amsterdam);
        var end = LocalTimePolicy.ToInstant(new LocalDateTime(2026, 3, 29, 8, 30), Amsterdam);

        Assert.Equal(Duration.FromMinutes(13 * 60 + 30), end - start);
    }

    [Fact]
    public void Start_of_day_is_local_midnight()
    {
        Assert.Equal(Utc("2026-11-01T04:00:00Z"), LocalTimePolicy.StartOfDay(new LocalDate(2026, 11, 1), NewYork));
    }

    [Fact]
    public void Start_of_a_day_whose_midnight_falls_in_a_gap_is_the_end_of_the_gap()
    {
        // Chile springs forward at midnight: 2026-09-06 00:00 does not exist in Santiago, the day starts at 01:00 (-03).
        var santiago = DateTimeZoneProviders.Tzdb["America/Santiago"];
        var date = new LocalDate(2026, 9, 6);

        Assert.Equal(Utc("2026-09-06T04:00:00Z"), LocalTimePolicy.StartOfDay(date, santiago));
        Assert.Equal(date.AtStartOfDayInZone(santiago).ToInstant(), LocalTimePolicy.StartOfDay(date, santiago));
    }

    [Fact]
    public void Every_minute_of_a_spring_gap_lands_after_it_and_keeps_its_order()
    {
        var resolved = Enumerable.Range(0, 60)
            .Select(minute => LocalTimePolicy.ToInstant(new LocalDateTime(2026, 3, 29, 2, minute), Amsterdam))
            .ToList();

        Assert.Equal(Utc("2026-03-29T01:00:00Z"), resolved[0]);
        Assert.Equal(Utc("2026-03-29T01:59:00Z"), resolved[^1]);
        Assert.Equal(resolved.Order(), resolved);
    }
}
