using System.Net;
using System.Net.Http.Headers;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>Cookie login for the API's roles, against the real server process over plain HTTP.</summary>
public sealed class WebLoginTests(WebServer running) : IClassFixture<WebServer>
{
    private Uri Base => running.Server.BaseAddress;

    [Fact]
    public async Task An_anonymous_page_request_redirects_to_the_login_page_with_its_return_url()
    {
        using var browser = new FormClient(Base);

        using var response = await browser.Http.GetAsync(new Uri("/incidents?state=open", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fincidents%3Fstate%3Dopen", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_token_gets_the_login_page_again_with_401_and_no_session()
    {
        using var browser = new FormClient(Base);
        const string wrong = "sbo_this-is-not-a-token-0123456789";

        using var response = await browser.LoginAsync(wrong);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That token was not accepted", html, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, html, StringComparison.Ordinal);
        Assert.False(browser.HasSession);
        Assert.DoesNotContain(wrong, running.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pusher_token_cannot_sign_in_and_is_told_why()
    {
        var (_, secret, _) = await running.NamedTokenAsync("pusher", "acme");
        using var browser = new FormClient(Base);

        using var response = await browser.LoginAsync(secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Pusher tokens are for machines", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_same_site_strict_cookie_and_returns_to_the_page_asked_for()
    {
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = new FormClient(Base);

        using var response = await browser.LoginAsync(secret, returnUrl: "/systems");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/systems", response.Headers.Location?.OriginalString);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FormClient.SessionCookie + "=", StringComparison.Ordinal));
        var flags = session.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
        Assert.DoesNotContain("secure", flags); // plain http here; https requests get Secure
        Assert.DoesNotContain(secret, session, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync("/systems")).Status);
        Assert.DoesNotContain(secret, running.Server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_off_this_server_is_ignored(string returnUrl)
    {
        var (_, secret, _) = await running.NamedTokenAsync("desk");
        using var browser = new FormClient(Base);

        using var response = await browser.LoginAsync(secret, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/incidents", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        var (_, secret, _) = await running.NamedTokenAsync("admin");
        using var browser = new FormClient(Base);

        using var response = await browser.PostWithoutTokenAsync("/login", new Dictionary<string, string> { ["token"] = secret });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task A_revoked_token_ends_the_session_on_the_next_request()
    {
        var (id, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);
        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync("/incidents")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await running.Admin.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative))).StatusCode);
        using var response = await browser.Http.GetAsync(new Uri("/incidents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?returnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (_, secret, _) = await running.NamedTokenAsync("desk");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        using var response = await browser.PostFormAsync("/incidents", "/logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PageAsync("/incidents")).Status);
    }

    [Fact]
    public async Task A_role_without_a_page_gets_the_403_page_not_a_redirect()
    {
        var (_, secret, _) = await running.NamedTokenAsync("finance");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        var (status, html) = await browser.PageAsync("/incidents");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("A finance token may not open GET /incidents", html, StringComparison.Ordinal);
        Assert.Contains("Finance works under Invoices and Standby hours.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/invoices\">Back to the start page</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_ignores_the_session_cookie_and_answers_401_problem_details()
    {
        var (_, secret, _) = await running.NamedTokenAsync("admin");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        using var response = await browser.Http.GetAsync(new Uri("/api/v1/incidents", UriKind.Relative));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_bearer_token_is_not_a_web_session()
    {
        var (_, secret, _) = await running.NamedTokenAsync("admin");
        using var browser = new FormClient(Base);
        browser.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var response = await browser.Http.GetAsync(new Uri("/incidents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
