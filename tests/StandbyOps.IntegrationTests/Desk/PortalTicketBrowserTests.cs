using Microsoft.Playwright;
using StandbyOps.IntegrationTests.Web;
using Xunit.Abstractions;

namespace StandbyOps.IntegrationTests.Desk;

/// <summary>The portal's new-ticket form in a real browser: a customer's contact opens a ticket and finds it in its list.</summary>
public sealed class PortalTicketBrowserTests(WebServer running, ITestOutputHelper output) : IClassFixture<WebServer>
{
    [SkippableFact]
    public async Task A_customer_opens_a_ticket_in_the_portal_sees_it_with_case_number_and_due_time_and_another_customer_does_not()
    {
        var (_, acmeSecret, _) = await running.NamedTokenAsync("customer", "acme");
        var (_, globexSecret, _) = await running.NamedTokenAsync("customer", "globex");
        var title = $"Invoices page blank {Guid.NewGuid():N}"[..28];
        await using var chromium = await Chromium.LaunchAsync(running.Server.BaseAddress);

        var page = await chromium.SignInAsync(acmeSecret);
        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("System").Locator("option")).ToHaveTextAsync(["ACME B.V. · ACME web shop"]);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Description").FillAsync("Since this morning the invoices page stays white.");
        await page.GetByLabel("Priority").SelectOptionAsync("P2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        var caseNumber = new Uri(page.Url).AbsolutePath["/incidents/".Length..];
        Assert.Matches(@"^2026-\d{6}$", caseNumber);
        await page.GetByLabel("Add comment").FillAsync("It also happens in Firefox.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("It also happens in Firefox.")).ToBeVisibleAsync();

        await page.GotoAsync("/incidents");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = caseNumber });
        await Assertions.Expect(row).ToContainTextAsync(title);
        var due = (await running.IncidentAsync(caseNumber)).GetProperty("responseDueAt").GetString();
        Assert.NotNull(due);
        await Assertions.Expect(row.Locator("td[data-label='Response due'] time")).ToHaveAttributeAsync("datetime", due!);
        var screenshot = Path.Combine(Path.GetTempPath(), "standbyops-web-portal-ticket.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot} (response due {due})");

        await using var other = await Chromium.LaunchAsync(running.Server.BaseAddress);
        var globex = await other.SignInAsync(globexSecret);
        await Assertions.Expect(globex.GetByText(caseNumber)).ToHaveCountAsync(0);
        var response = await globex.GotoAsync($"/incidents/{caseNumber}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(globex.GetByText(title)).ToHaveCountAsync(0);
    }
}
