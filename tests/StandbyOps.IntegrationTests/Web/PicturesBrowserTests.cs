using System.Net;
using Microsoft.Playwright;
using StandbyOps.IntegrationTests.Support;
using Xunit.Abstractions;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The pictures in Chromium at a phone's width (390 px) and a desktop's (1280 px): each has its text alternative and the page never scrolls sideways.</summary>
public sealed class PicturesBrowserTests(PicturesWebServer running, ITestOutputHelper output) : IClassFixture<PicturesWebServer>
{
    public static TheoryData<int> Widths => new() { 390, 1280 };

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_systems_page_shows_uptime_bars_and_a_latency_sparkline(int width)
    {
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress, width);
        var page = await chromium.SignInAsync(await running.SecretAsync("desk"), "/systems");

        var bars = page.Locator("svg.bar[role=img]");
        // The system's 90 days and the check's 24 hours and 90 days.
        await Assertions.Expect(bars).ToHaveCountAsync(3);
        Assert.Equal(24, await page.Locator("svg.bar").Nth(1).Locator("rect").CountAsync());
        Assert.Equal(90, await page.Locator("svg.bar").Nth(2).Locator("rect").CountAsync());
        Assert.True(await page.Locator("svg.bar").Nth(1).Locator("rect.down").CountAsync() >= 1, "the failed probe shows as a red hour");
        await Assertions.Expect(page.Locator("svg.sparkline polyline")).Not.ToHaveCountAsync(0);
        var sparkLabel = await page.Locator("svg.sparkline").GetAttributeAsync("aria-label");
        Assert.Matches("home 24 h latency: [0-9]+ – [0-9]+ ms", sparkLabel);
        await Assertions.Expect(page.Locator("figcaption").First).ToContainTextAsync("Uptime 24 h");
        Assert.Contains("down in 1 of 24 slots", await page.Locator("svg.bar").Nth(1).Locator("title").First.TextContentAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(page, width, "systems");
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_customer_status_page_shows_state_maintenance_ahead_and_incidents_by_title(int width)
    {
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress, width);
        var page = await chromium.SignInAsync(await running.SecretAsync("customer", "acme"), "/status");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ACME web shop" })).ToContainTextAsync("operational");
        await Assertions.Expect(page.Locator("svg.bar[role=img]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Fri 27 Nov 2026 22:00");
        var incidents = page.Locator("table").Nth(1);
        await Assertions.Expect(incidents.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(incidents).ToContainTextAsync("home");
        // Nothing internal: no note form, no pages, no buttons but signing out.
        Assert.Equal(["Sign out"], await page.GetByRole(AriaRole.Button).AllInnerTextsAsync());
        await AssertFitsAsync(page, width, "status");
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_sla_report_page_shows_the_same_counts_as_the_api(int width)
    {
        var api = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/reports/sla?customer=acme&month=2026-11"), HttpStatusCode.OK);
        var total = api.GetProperty("total");
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress, width);
        var page = await chromium.SignInAsync(await running.SecretAsync("finance"), "/reports/sla");
        await page.GetByLabel("Month").FillAsync("2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2026-11");
        var all = page.Locator("tbody tr").Filter(new() { Has = page.Locator("td[data-label=Priority]", new() { HasTextString = "all" }) });
        Assert.True(total.GetProperty("tickets").GetInt32() >= 1);
        await Assertions.Expect(all.Locator("td[data-label=Tickets]")).ToHaveTextAsync(total.GetProperty("tickets").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(all.Locator("td[data-label='Response met']")).ToHaveTextAsync(total.GetProperty("responseMet").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("td[data-label=Target]")).ToHaveTextAsync("99.9 %");
        await AssertFitsAsync(page, width, "sla");
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_rota_timeline_shows_a_week_and_a_month(int width)
    {
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress, width);
        var page = await chromium.SignInAsync(await running.SecretAsync("engineer"), "/rota");

        var timeline = page.Locator("svg.timeline[role=img]");
        await Assertions.Expect(timeline).ToHaveCountAsync(1);
        Assert.StartsWith("Rota of team ops-nl from 2026-11-23 to 2026-11-30: On call:", await timeline.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        // The week: Mon 23 Nov 08:30 is a handover, so anna (or bram) holds on call from then; ACME's standby lane has bars.
        Assert.True(await timeline.Locator("rect.oncall").CountAsync() >= 1);
        Assert.True(await timeline.Locator("rect.standby").CountAsync() >= 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add override" })).ToHaveCountAsync(0);
        await AssertFitsAsync(page, width, "rota-week");

        await page.GetByRole(AriaRole.Link, new() { Name = "Month", Exact = true }).ClickAsync();
        Assert.StartsWith("Rota of team ops-nl from 2026-11-01 to 2026-12-01", await timeline.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await AssertFitsAsync(page, width, "rota-month");
    }

    [SkippableFact]
    public async Task A_desk_user_adds_an_override_on_the_timeline_and_the_on_call_answer_changes()
    {
        const string at = "2026-12-02T12:00:00Z";
        var before = await running.OnCallAsync(at);
        var other = before == "anna" ? "bram" : "anna";
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress);
        var page = await chromium.SignInAsync(await running.SecretAsync("desk"), "/rota");

        await page.GetByLabel("Engineer on call").SelectOptionAsync(other);
        // Local times in Amsterdam (UTC+1): 12:00Z is inside 11:00–15:00 local.
        await page.GetByLabel("Override from").FillAsync("2026-12-02T11:00");
        await page.GetByLabel("Override until").FillAsync("2026-12-02T15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add override" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/rota");
        Assert.Equal(other, await running.OnCallAsync(at));
        Assert.Equal(before, await running.OnCallAsync("2026-12-02T14:00:00Z"));
        Assert.Equal(other, await running.OnCallAsync("2026-12-02T13:59:59Z"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Later →" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg.timeline rect.override")).ToHaveCountAsync(1);
    }

    /// <summary>The page does not scroll sideways (wide pictures scroll inside their own box) and is screenshotted.</summary>
    private async Task AssertFitsAsync(IPage page, int width, string name)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the {name} page is {scrollWidth} px wide in a {width} px window");
        var screenshot = Path.Combine(Path.GetTempPath(), $"standbyops-pictures-{name}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
    }
}
