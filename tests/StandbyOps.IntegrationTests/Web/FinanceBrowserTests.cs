using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The finance pages in a real browser: from the list to a draft, Issue, and the invoice number.</summary>
public sealed class FinanceBrowserTests(FinanceWebServer running, ITestOutputHelper output) : IClassFixture<FinanceWebServer>
{
    [SkippableFact]
    public async Task Finance_opens_a_draft_from_the_list_issues_it_and_sees_its_number()
    {
        using var api = await running.ClientAsync("finance");
        await running.AgreeWeekendExampleAsync(api);
        var (_, secret) = await running.TokenAsync("finance");
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress);

        var page = await chromium.SignInAsync(secret, "/invoices");
        await page.GotoAsync("/invoices?month=2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft for Globex Inc." }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Draft Globex Inc. 2026-11");
        await page.GotoAsync("/invoices?month=2026-11&customer=globex");
        await Screenshot(page, "standbyops-web-invoices-list-phone.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Draft", Exact = true }).ClickAsync();
        await Screenshot(page, "standbyops-web-invoice-draft-phone.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invoice INV-2026-0001");
        Assert.Equal("/invoices/INV-2026-0001", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Issue" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("td[data-label='Total']").Last).ToHaveTextAsync("242.00 EUR");
        await Screenshot(page, "standbyops-web-invoice-issued-phone.png");
        await page.SetViewportSizeAsync(1280, 900);
        await Screenshot(page, "standbyops-web-invoice-issued-desktop.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Standby hours" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Standby hours 2026-11");
        await page.GotoAsync("/reports/standby-hours?month=2026-11");
        await Screenshot(page, "standbyops-web-standby-hours-desktop.png");
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is not an empty page");
        output.WriteLine($"screenshot: {path}");
    }
}
