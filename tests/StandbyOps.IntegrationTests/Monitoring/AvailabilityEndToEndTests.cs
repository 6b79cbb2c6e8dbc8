using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Monitoring;

/// <summary>
/// Availability computed by the real server on virtual time, checked against hand-computed days: a loopback HTTP
/// target probed every 5 minutes, down for 30 minutes, inside a one-hour maintenance window, and a stopped server.
/// </summary>
public sealed class AvailabilityEndToEndTests
{
    private const int IntervalSeconds = 300;
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static string ConfigFor(Uri healthUrl) => TestConfigs.Minimal + $$"""

            systems:
              web:
                name: ACME web
                criticality: high
                availabilityTarget: 99.5
                checks:
                  home:
                    http: { url: "{{healthUrl}}", expectStatus: [200], bodyContains: "ok" }
                    interval: 5m
                    timeout: 10s
                    failureThreshold: 1
                    successThreshold: 1
                maintenance:
                  - once: { from: "2026-11-20T10:00", to: "2026-11-20T11:00", timeZone: UTC }
        """;

    private static Dictionary<string, string> Environment(DateTimeOffset start) => new()
    {
        ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
        ["STANDBYOPS_VIRTUAL_TIME"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_check_down_30_minutes_in_a_day_with_an_hour_of_maintenance_is_97_83_percent_and_a_stopped_hour_is_unknown()
    {
        using var directory = new TempDirectory();
        await using var target = await HttpTarget.StartAsync();
        var config = directory.Write("standbyops.yaml", ConfigFor(target.HealthUrl));
        DateTimeOffset last;
        await using (var server = await ServerProcess.StartAsync(config, directory.File("data"), Environment(Day.AddMinutes(-10))))
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            last = await FirstResultAsync(admin);
            // Down for exactly the six probes from 05:00 to 05:25: down from 05:00 until the success at 05:30.
            last = await RunChecksUntilAsync(server, admin, target, last, Day.AddDays(1).AddHours(1),
                at => at < Day.AddHours(5) || at >= Day.AddHours(5).AddMinutes(30));

            var day = await ReportAsync(admin, Day, Day.AddDays(1));
            var home = day.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "home");
            foreach (var figures in new[] { day, home })
            {
                Assert.InRange(figures.GetProperty("downSeconds").GetInt64(), 1800 - IntervalSeconds, 1800 + IntervalSeconds);
                Assert.InRange(figures.GetProperty("maintenanceSeconds").GetInt64(), 3600 - IntervalSeconds, 3600 + IntervalSeconds);
                Assert.Equal(0, figures.GetProperty("unknownSeconds").GetInt64());
                // 1350 of 1380 minutes outside maintenance = 97.826 %; one interval either way moves it by at most 0.36.
                Assert.InRange(figures.GetProperty("availabilityPercent").GetDouble(), 97.83 - 0.36, 97.83 + 0.36);
            }

            Assert.Equal(99.5, day.GetProperty("target").GetDouble());
            Assert.False(day.GetProperty("targetMet").GetBoolean());
            Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        }

        // Stopped for an hour: restarted an hour later on the same store.
        await using (var server = await ServerProcess.StartAsync(config, directory.File("data"), Environment(last.AddHours(1))))
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            var first = await FirstResultAsync(admin);
            await RunChecksUntilAsync(server, admin, target, first, Day.AddDays(1).AddHours(4), _ => true);

            var night = await ReportAsync(admin, Day.AddDays(1), Day.AddDays(1).AddHours(4));
            Assert.Equal(0, night.GetProperty("downSeconds").GetInt64());
            Assert.InRange(night.GetProperty("unknownSeconds").GetInt64(), 3600, 3600 + IntervalSeconds);
            Assert.InRange(night.GetProperty("upSeconds").GetInt64(), (3 * 3600) - IntervalSeconds, 3 * 3600);
            Assert.Equal(100.0, night.GetProperty("availabilityPercent").GetDouble());
        }
    }

    [Fact]
    public async Task The_report_checks_its_caller_and_its_input()
    {
        using var directory = new TempDirectory();
        await using var target = await HttpTarget.StartAsync();
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", ConfigFor(target.HealthUrl)), directory.File("data"), Environment(Day));
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.GetAsync("/api/v1/reports/availability?customer=acme&from=2026-11-20&to=2026-11-21")).StatusCode);
        var problem = await HttpAssert.ProblemAsync(await admin.GetAsync("/api/v1/reports/availability?customer=acme&from=yesterday&to=2026-11-21"), HttpStatusCode.BadRequest);
        Assert.Contains("yesterday", problem.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/v1/reports/availability?customer=acme&from=2026-11-21&to=2026-11-20"), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/v1/reports/availability?customer=nobody&from=2026-11-20&to=2026-11-21"), HttpStatusCode.NotFound);

        // A date is midnight in the customer's zone (Amsterdam, UTC+1 in November).
        var report = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/reports/availability?customer=acme&from=2026-11-20&to=2026-11-21"), HttpStatusCode.OK);
        Assert.Equal("2026-11-19T23:00:00Z", report.GetProperty("from").GetString());
        Assert.Equal("web", report.GetProperty("systems")[0].GetProperty("system").GetString());
    }

    private static async Task<JsonElement> ReportAsync(HttpClient admin, DateTimeOffset from, DateTimeOffset to)
    {
        var report = await HttpAssert.JsonAsync(
            await admin.GetAsync($"/api/v1/reports/availability?customer=acme&from={Iso(from)}&to={Iso(to)}"), HttpStatusCode.OK);
        return report.GetProperty("systems").EnumerateArray().Single(s => s.GetProperty("system").GetString() == "web");
    }

    /// <summary>Once the monitor armed its check, advances one interval (the first probe is due within it) and returns the first result's time.</summary>
    private static async Task<DateTimeOffset> FirstResultAsync(HttpClient admin)
    {
        await Monitors.ArmedAsync(admin, "acme", "web", "home");
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = IntervalSeconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lastAt = await Poll.UntilAsync(async () => (await HomeAsync(admin)).GetProperty("lastAt").GetString(), "the first result");
        return DateTimeOffset.Parse(lastAt, CultureInfo.InvariantCulture);
    }

    /// <summary>Moves the clock probe by probe (the target healthy when <paramref name="healthyAt"/> says so) until <paramref name="until"/>.</summary>
    private static async Task<DateTimeOffset> RunChecksUntilAsync(ServerProcess server, HttpClient admin, HttpTarget target, DateTimeOffset last, DateTimeOffset until, Func<DateTimeOffset, bool> healthyAt)
    {
        while (last < until)
        {
            var next = last.AddSeconds(IntervalSeconds);
            target.Healthy = healthyAt(next);
            using (var response = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to = Iso(next) }))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            try
            {
                // Akka's test scheduler re-arms a periodic timer from the end of the step that fired it, so probes drift
                // off the grid computed here: wait for the probe after the last one (nudging the clock a second when it
                // has not run after a second of real time) and count the next interval from when it ran.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                var ranAt = last;
                await Poll.UntilAsync(async () =>
                {
                    if ((await HomeAsync(admin)).GetProperty("lastAt").GetString() is { } at && DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) > last)
                    {
                        ranAt = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
                        return true;
                    }

                    if (waited.Elapsed > TimeSpan.FromSeconds(1))
                    {
                        waited.Restart();
                        using var nudge = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 1 });
                    }

                    return false;
                }, $"the probe at {Iso(next)}", TimeSpan.FromSeconds(60));
                // The next probe falls due an interval after this one ran (the test scheduler re-arms from then).
                last = ranAt;
            }
            catch (Xunit.Sdk.XunitException e)
            {
                var metrics = await (await admin.GetAsync("/metrics")).Content.ReadAsStringAsync();
                var clock = await (await admin.GetAsync("/api/v1/admin/clock")).Content.ReadAsStringAsync();
                var lines = string.Join("\n", metrics.Split('\n').Where(l => l.StartsWith("standbyops_check", StringComparison.Ordinal) || l.StartsWith("standbyops_actor", StringComparison.Ordinal)));
                throw new Xunit.Sdk.XunitException($"{e.Message}; clock {clock}; home {await HomeAsync(admin)}\n{lines}\nthe server said:\n{server.Output[^Math.Min(server.Output.Length, 4000)..]}");
            }
        }

        return last;
    }

    private static async Task<JsonElement> HomeAsync(HttpClient admin)
    {
        var systems = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/systems?customer=acme"), HttpStatusCode.OK);
        return systems.EnumerateArray().Single(s => s.GetProperty("system").GetString() == "web")
            .GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "home");
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
