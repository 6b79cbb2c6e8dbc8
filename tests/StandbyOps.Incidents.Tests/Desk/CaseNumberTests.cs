using NodaTime;
using StandbyOps.Core.Incidents;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Desk;

public sealed class CaseNumberTests
{
    [Fact]
    public async Task A_hundred_systems_failing_at_once_get_a_hundred_distinct_consecutive_case_numbers()
    {
        var at = Instant.FromUtc(2026, 11, 20, 14, 0);
        using var harness = await DeskHarness.CreateAsync(at);

        var changes = await Task.WhenAll(Enumerable.Range(1, 100).Select(i =>
            Task.Run(() => harness.Desk.HandleFailureAsync(Failure(at, dedupKey: $"system-{i}/home", system: $"system-{i}")))));

        Assert.All(changes, c => Assert.Equal(IncidentChangeKind.Opened, c.Kind));
        var numbers = changes.Select(c => c.Incident!.CaseNumber).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 100).Select(n => $"2026-{n:D6}"), numbers);
        Assert.Equal(100, (await harness.Desk.ListAsync(IncidentFilter.All)).Count);
    }

    [Fact]
    public async Task Case_numbers_restart_at_one_in_a_new_utc_year()
    {
        var newYearsEve = Instant.FromUtc(2026, 12, 31, 23, 59);
        using var harness = await DeskHarness.CreateAsync(newYearsEve);

        var first = await harness.Desk.HandleFailureAsync(Failure(newYearsEve, dedupKey: "a/home"));
        var second = await harness.Desk.HandleFailureAsync(Failure(newYearsEve + Duration.FromSeconds(30), dedupKey: "b/home"));
        var third = await harness.Desk.HandleFailureAsync(Failure(Instant.FromUtc(2027, 1, 1, 0, 0), dedupKey: "c/home"));
        var fourth = await harness.Desk.HandleFailureAsync(Failure(Instant.FromUtc(2027, 1, 1, 0, 1), dedupKey: "d/home"));

        Assert.Equal(
            ["2026-000001", "2026-000002", "2027-000001", "2027-000002"],
            new[] { first, second, third, fourth }.Select(c => c.Incident!.CaseNumber));
    }

    [Fact]
    public async Task A_closed_incident_keeps_its_number_and_the_next_failure_opens_a_new_one()
    {
        var at = Instant.FromUtc(2026, 11, 20, 14, 0);
        using var harness = await DeskHarness.CreateAsync(at);
        var first = await harness.Desk.HandleFailureAsync(Failure(at));
        await harness.Desk.CloseAsync(first.Incident!.CaseNumber, Actor.OfDesk("marie"));

        var second = await harness.Desk.HandleFailureAsync(Failure(at + Duration.FromMinutes(5)));

        Assert.Equal(IncidentChangeKind.Opened, second.Kind);
        Assert.Equal("2026-000002", second.Incident!.CaseNumber);
        Assert.Equal(IncidentState.Closed, (await harness.IncidentAsync("2026-000001")).State);
    }

    [Theory]
    [InlineData("2026-000042", true)]
    [InlineData("2026-1000000", true)]
    [InlineData("2026-0000042", false)]
    [InlineData("2026-00004", false)]
    [InlineData("2026-000000", false)]
    [InlineData("26-000042", false)]
    [InlineData("2026_000042", false)]
    [InlineData("2026-00004a", false)]
    [InlineData("", false)]
    public void Case_number_format_is_year_dash_six_or_more_digits(string text, bool wellFormed) =>
        Assert.Equal(wellFormed, CaseNumbers.IsWellFormed(text));

    [Fact]
    public void Case_numbers_are_zero_padded_to_six_digits() =>
        Assert.Equal("2026-000042", CaseNumbers.Format(2026, 42));
}
