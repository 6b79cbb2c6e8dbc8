using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The UI in a real browser: what an engineer and a customer click and see.</summary>
public sealed class BrowserTests(WebServer running, ITestOutputHelper output) : IClassFixture<WebServer>
{
    [SkippableFact]
    public async Task An_engineer_signs_in_opens_an_incident_and_acknowledges_it()
    {
        var caseNumber = await running.FireAsync(Guid.NewGuid().ToString("N")[..16], summary: "Disk full on db-1");
        var (_, secret, name) = await running.NamedTokenAsync("engineer");
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress);

        var page = await chromium.SignInAsync(secret);
        await page.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Assertions.Expect(page.Locator(".badge.state")).ToHaveTextAsync("acknowledged");
        Assert.Equal($"/incidents/{caseNumber}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        var screenshot = Path.Combine(Path.GetTempPath(), $"standbyops-web-{caseNumber}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is not an empty page");
        output.WriteLine($"screenshot: {screenshot}");

        var incident = await running.IncidentAsync(caseNumber);
        Assert.Equal($"engineer:{name}", incident.GetProperty("acknowledgedBy").GetString());
        Assert.Contains($"Acknowledged by {name} via web", incident.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
    }

    [SkippableFact]
    public async Task A_customer_sees_its_systems_and_tickets_and_may_only_comment()
    {
        var caseNumber = await running.FireAsync(Guid.NewGuid().ToString("N")[..16], summary: "Checkout is slow");
        var (_, secret, _) = await running.NamedTokenAsync("customer", "acme");
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress);

        var page = await chromium.SignInAsync(secret);
        await page.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Checkout is slow");
        var buttons = await page.GetByRole(AriaRole.Button).AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Systems" }).ClickAsync();

        Assert.Equal(["Sign out", "Add comment"], buttons);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ACME web shop" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Globex ERP")).ToHaveCountAsync(0);
        var screenshot = Path.Combine(Path.GetTempPath(), "standbyops-web-customer-systems.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
    }
}
