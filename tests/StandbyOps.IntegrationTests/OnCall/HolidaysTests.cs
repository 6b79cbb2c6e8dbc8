using System.Net;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;

namespace StandbyOps.IntegrationTests.OnCall;

[Collection(OnCallServerCollection.Name)]
public sealed class HolidaysTests(OnCallServer fixture)
{
    [Fact]
    public async Task Kings_day_2025_moves_to_saturday_26_april()
    {
        var holidays = await HttpAssert.JsonAsync(await fixture.Admin.GetAsync("/api/v1/holidays?set=NL&year=2025"), HttpStatusCode.OK);

        Assert.Contains(holidays.EnumerateArray(), h => h.GetProperty("date").GetString() == "2025-04-26" && h.GetProperty("name").GetString() == "King's Day");
        Assert.DoesNotContain(holidays.EnumerateArray(), h => h.GetProperty("date").GetString() == "2025-04-27");
    }

    [Fact]
    public async Task Us_2027_ends_with_new_years_day_observed()
    {
        var holidays = await HttpAssert.JsonAsync(await fixture.Admin.GetAsync("/api/v1/holidays?set=US&year=2027"), HttpStatusCode.OK);

        var last = holidays.EnumerateArray().Last();
        Assert.Equal("2027-12-31", last.GetProperty("date").GetString());
        Assert.Equal("New Year (observed)", last.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_set_is_a_validation_problem_listing_the_known_sets()
    {
        var problem = await HttpAssert.ProblemAsync(await fixture.Admin.GetAsync("/api/v1/holidays?set=XX&year=2026"), HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("set")[0].GetString();
        Assert.Contains("DE-BY", message, StringComparison.Ordinal);
        Assert.Contains("NL", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_year_is_a_validation_problem()
    {
        var problem = await HttpAssert.ProblemAsync(await fixture.Admin.GetAsync("/api/v1/holidays?set=NL&year=20x6"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task Holidays_need_a_token() =>
        await HttpAssert.ProblemAsync(await fixture.Server.Http.GetAsync("/api/v1/holidays?set=NL&year=2026"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task The_cli_prints_one_line_per_holiday_when_redirected()
    {
        var result = await ServerProcess.RunCliAsync(["holidays", "--set", "NL", "--year", "2025"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("2025-01-01\tNew Year", lines[0]);
        Assert.Contains("2025-04-26\tKing's Day", lines);
        Assert.Contains("2025-05-05\tLiberation Day", lines);
    }

    [Fact]
    public async Task The_cli_rejects_an_unknown_set_naming_the_known_ones()
    {
        var result = await ServerProcess.RunCliAsync(["holidays", "--set", "XX", "--year", "2025"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NL", result.StandardError, StringComparison.Ordinal);
    }
}
