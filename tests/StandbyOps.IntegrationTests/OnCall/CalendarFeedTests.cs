using System.Net;
using System.Text.RegularExpressions;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.OnCall;

[Collection(OnCallServerCollection.Name)]
public sealed partial class CalendarFeedTests(OnCallServer fixture)
{
    [Fact]
    public async Task The_feed_is_an_icalendar_of_the_engineers_shifts_in_utc()
    {
        var secret = await fixture.SecretAsync("engineer");

        using var response = await fixture.Server.Http.GetAsync($"/api/v1/engineers/anna/calendar.ics?token={Uri.EscapeDataString(secret)}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.True(Regex.Count(body, "BEGIN:VEVENT\r\n") >= 2, body);
        Assert.All(UtcStamp().Matches(body), m => Assert.Matches(@"^DT(START|END):\d{8}T\d{6}Z$", m.Value.TrimEnd('\r')));
        // Anna's week after "now" (Fri 20 Nov 2026): Mon 23 Nov 08:30 CET to Mon 30 Nov 08:30 CET.
        Assert.Contains("DTSTART:20261123T073000Z\r\nDTEND:20261130T073000Z\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_without_a_token_is_unauthorized() =>
        await HttpAssert.ProblemAsync(await fixture.Server.Http.GetAsync("/api/v1/engineers/anna/calendar.ics"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task The_feed_with_an_unknown_token_is_unauthorized() =>
        await HttpAssert.ProblemAsync(await fixture.Server.Http.GetAsync("/api/v1/engineers/anna/calendar.ics?token=not-a-token"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task The_feed_with_a_customer_token_is_unauthorized()
    {
        var secret = await fixture.SecretAsync("customer", "acme");

        await HttpAssert.ProblemAsync(await fixture.Server.Http.GetAsync($"/api/v1/engineers/anna/calendar.ics?token={Uri.EscapeDataString(secret)}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_feed_of_an_unknown_engineer_is_not_found() =>
        await HttpAssert.ProblemAsync(
            await fixture.Server.Http.GetAsync($"/api/v1/engineers/zoe/calendar.ics?token={Uri.EscapeDataString(RunningServer.AdminSecret)}"), HttpStatusCode.NotFound);

    [GeneratedRegex(@"^DT(START|END)[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex UtcStamp();
}
