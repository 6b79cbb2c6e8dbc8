using System.Net;
using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>
/// A server published at an https <c>server.publicUrl</c> but reached over plain http, as behind a TLS-terminating
/// proxy: its cookies must still be <c>Secure</c>, or a browser would send the session over http.
/// </summary>
public sealed class WebBehindTlsProxyTests(WebBehindTlsProxyTests.HttpsPublicServer running) : IClassFixture<WebBehindTlsProxyTests.HttpsPublicServer>
{
    [Fact]
    public async Task The_session_and_antiforgery_cookies_are_secure_when_the_public_url_is_https()
    {
        var (_, secret) = await running.TokenAsync("desk");
        // Cookies by hand: a browser on https sends Secure cookies back, and the proxy forwards them over http.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = running.Server.BaseAddress };
        using var form = await http.GetAsync(new Uri("/login", UriKind.Relative));
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("standbyops_csrf=", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = secret,
                ["__RequestVerificationToken"] = FormClient.FormToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);

        using var login = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FormClient.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", Flags(antiforgery));
        Assert.Contains("secure", Flags(session));
    }

    private static IEnumerable<string> Flags(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant());

    /// <summary>The minimal configuration published at https://standbyops.example.net.</summary>
    public sealed class HttpsPublicServer() : IncidentServerBase(
        VirtualTimeIncidentServer.Start,
        TestConfigs.Minimal.Replace("publicUrl: http://127.0.0.1:8080", "publicUrl: https://standbyops.example.net", StringComparison.Ordinal));
}
