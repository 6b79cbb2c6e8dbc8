using System.Security.Claims;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// Where the login page may send the browser afterwards: only a path on this server, so a crafted
/// <c>/login?returnUrl=https://evil.example</c> cannot turn the login into an open redirect.
/// </summary>
public static class LocalUrls
{
    /// <summary>The page after a login that names none (or an unacceptable one).</summary>
    public const string Home = "/incidents";

    /// <summary>Where a finance session starts: the incident pages are not for its role.</summary>
    public const string FinanceHome = "/invoices";

    /// <summary>The start page of <paramref name="user"/>'s role: the invoices for a finance session, the incidents for everyone else.</summary>
    public static string HomeOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(TokenRole.Finance.ToName()) ? FinanceHome : Home;
    }

    /// <summary><paramref name="url"/>, except that the generic start page becomes <paramref name="user"/>'s own (<see cref="HomeOf"/>).</summary>
    public static string ForRole(string url, ClaimsPrincipal user) => url == Home ? HomeOf(user) : url;

    /// <summary>True for <c>/path?query</c>; false for absolute URLs, <c>//host</c>, <c>/\host</c> and control characters.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, otherwise <see cref="Home"/>.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : Home;

    /// <summary>The login page that returns to <paramref name="returnUrl"/>.</summary>
    public static string Login(string returnUrl) => $"/login?returnUrl={Uri.EscapeDataString(OrHome(returnUrl))}";
}
