using System.Net;
using System.Text.RegularExpressions;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>
/// A browser without a browser: an HttpClient that keeps cookies, does not follow redirects (so tests see each
/// 302), and posts forms with the antiforgery token of the page they came from, as a browser would.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    public const string SessionCookie = "standbyops_session";

    public FormClient(Uri baseAddress)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>True while the cookie jar holds a session cookie.</summary>
    public bool HasSession => Cookies.GetCookies(Http.BaseAddress!).Any(c => c.Name == SessionCookie && !c.Expired);

    /// <summary>A client signed in with <paramref name="secret"/>; fails unless the login redirects.</summary>
    public static async Task<FormClient> SignedInAsync(Uri baseAddress, string secret)
    {
        var client = new FormClient(baseAddress);
        using var response = await client.LoginAsync(secret);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Fills in the login form.</summary>
    public Task<HttpResponseMessage> LoginAsync(string secret, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["token"] = secret };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return PostFormAsync("/login", "/login", fields);
    }

    /// <summary>Loads <paramref name="page"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, IReadOnlyDictionary<string, string>? fields = null)
    {
        var (status, html) = await PageAsync(page);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"{page} answered {(int)status}");
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = FormToken(html) };
        return await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>Posts <paramref name="fields"/> with no antiforgery token at all, as a cross-site form would.</summary>
    public async Task<HttpResponseMessage> PostWithoutTokenAsync(string action, IReadOnlyDictionary<string, string>? fields = null) =>
        await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields ?? new Dictionary<string, string>()));

    /// <summary>GETs a page and returns its status and body.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PageAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the first form on <paramref name="html"/>.</summary>
    public static string FormToken(string html)
    {
        var match = FormTokenPattern().Match(html);
        Assert.True(match.Success, "the page has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();
}
