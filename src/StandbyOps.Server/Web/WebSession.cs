using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace StandbyOps.Server.Web;

/// <summary>
/// The browser session: an encrypted cookie that carries the token's id, name, role and customer (never its
/// secret), re-checked against the store on every request (<see cref="WebSessionEvents"/>).
/// </summary>
public static class WebSession
{
    /// <summary>The cookie authentication scheme of the UI.</summary>
    public const string Scheme = "StandbyOpsWeb";

    /// <summary>The session cookie.</summary>
    public const string CookieName = "standbyops_session";

    /// <summary>The antiforgery cookie.</summary>
    public const string AntiforgeryCookieName = "standbyops_csrf";

    /// <summary>The hidden form field that carries the antiforgery token.</summary>
    public const string FormTokenField = "__RequestVerificationToken";

    /// <summary>How long a session lasts without a request; each request slides it on.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// Registers the cookie scheme, antiforgery and data-protection keys under <c>&lt;data-dir&gt;/keys</c>, so a
    /// restart (or a new container on the same volume) keeps everyone signed in. The cookie's expiry runs on the
    /// real clock even on virtual time: it protects a person's browser, not a domain deadline.
    /// </summary>
    public static IServiceCollection AddWebSession(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton<WebSessionEvents>();
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.ReturnUrlParameter = "returnUrl";
            o.EventsType = typeof(WebSessionEvents);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = FormTokenField;
        });
        services.AddDataProtection()
            .SetApplicationName("StandbyOps")
            .PersistKeysToFileSystem(KeysDirectory(dataDirectory));
        return services;
    }

    // The keys decrypt every session cookie: only the server's own user may read them.
    private static DirectoryInfo KeysDirectory(string dataDirectory)
    {
        var keys = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(dataDirectory), "keys"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return keys;
    }
}
