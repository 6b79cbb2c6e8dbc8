using System.Net;

namespace StandbyOps.IntegrationTests.Support;

/// <summary>
/// Monitors of the server process. A monitor starts just after the server answers and arms its first probe relative to
/// that instant, so a test on virtual time waits for it before it moves the clock.
/// </summary>
public static class Monitors
{
    /// <summary>Waits until <paramref name="check"/> of <paramref name="system"/> is on <c>/api/v1/systems</c>: its monitor armed it.</summary>
    public static Task ArmedAsync(HttpClient admin, string customer, string system, string check) =>
        Poll.UntilAsync(async () => (await HttpAssert.JsonAsync(await admin.GetAsync($"/api/v1/systems?customer={customer}"), HttpStatusCode.OK)).EnumerateArray()
            .Any(s => s.GetProperty("system").GetString() == system && s.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("id").GetString() == check)),
            $"the monitor of {system} armed check {check}");
}
