using Microsoft.Playwright;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package) driven by Playwright's bundled driver: no browser is
/// ever downloaded. Skips when Chromium is absent, fails under <c>STANDBYOPS_REQUIRE_INTEGRATION=1</c>.
/// The window is a phone's, as the engineer at 3 a.m. has one.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Nothing reaches out of the machine: no QUIC, sync, component updates or background requests.</summary>
    public static readonly IReadOnlyList<string> Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    /// <summary>A fresh browser profile: no cookies.</summary>
    public IBrowserContext Context { get; }

    /// <summary>Starts headless Chromium with a context whose relative URLs go to <paramref name="baseAddress"/>, a phone's window unless told otherwise.</summary>
    public static async Task<Chromium> LaunchAsync(Uri baseAddress, int width = 412, int height = 915)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var executable = ExternalTool.Require("chromium", "chromium");
        // Expectations wait up to 15 s (Playwright's 5-s default is tight for a server and a browser on a loaded 2-core machine).
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Arguments });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.AbsoluteUri,
                ViewportSize = new ViewportSize { Width = width, Height = height },
            });
            return new Chromium(playwright, browser, context);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Signs in on a new page through the login form, starting from <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsync(string secret, string path = "/incidents")
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(path);
        Assert.StartsWith("/login", new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);
        await page.GetByLabel("API token").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
