using System.Security.Claims;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// Which roles see which pages, mirroring the API's rules for the same data. Pusher tokens never get a
/// session (they are for machines), so no page lists them.
/// </summary>
public static class WebRoles
{
    /// <summary>Every role that may sign in.</summary>
    public static readonly IReadOnlyList<TokenRole> Session = [TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Finance, TokenRole.Customer];

    /// <summary>Who may read incidents and systems (a customer only its own), as <c>GET /api/v1/incidents</c> and <c>/api/v1/systems</c>.</summary>
    public static readonly IReadOnlyList<TokenRole> Readers = [TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Customer];

    /// <summary>Who may acknowledge, resolve, close and add notes, as the API's incident actions.</summary>
    public static readonly IReadOnlyList<TokenRole> Responders = [TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer];

    /// <summary>Who may read invoices and the standby-hours report, as <c>GET /api/v1/invoices</c> and <c>/api/v1/reports/standby-hours</c>.</summary>
    public static readonly IReadOnlyList<TokenRole> FinanceReaders = [TokenRole.Admin, TokenRole.Finance];

    /// <summary>Who may read the SLA report (a customer only its own), as <c>GET /api/v1/reports/sla</c>.</summary>
    public static readonly IReadOnlyList<TokenRole> SlaReaders = [TokenRole.Admin, TokenRole.Desk, TokenRole.Finance, TokenRole.Customer];

    /// <summary>Who may add rota overrides and one-off standby periods from the rota page, as <c>POST /api/v1/teams/{team}/overrides</c>.</summary>
    public static readonly IReadOnlyList<TokenRole> RotaEditors = [TokenRole.Admin, TokenRole.Desk];

    /// <summary>Who may draft and issue invoices, as <c>POST /api/v1/invoices</c> and <c>/issue</c>: finance only, not admin.</summary>
    public static readonly IReadOnlyList<TokenRole> Billers = [TokenRole.Finance];

    /// <summary>Who sees the portal's invoices: a customer, only its own issued invoices and credit notes.</summary>
    public static readonly IReadOnlyList<TokenRole> PortalCustomers = [TokenRole.Customer];

    /// <summary>True when <paramref name="user"/> holds one of <paramref name="roles"/>.</summary>
    public static bool HasAny(this ClaimsPrincipal user, IReadOnlyList<TokenRole> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(r => user.IsInRole(r.ToName()));
    }

    /// <summary>
    /// Only a web session with one of <paramref name="roles"/> reaches the handler. Without a session the browser
    /// is sent to the login page; with a session of another role it gets the 403 page (<see cref="WebSessionEvents"/>).
    /// A bearer token is not a session: pages need the cookie, as the API needs the token.
    /// </summary>
    public static TBuilder RequireWebRoles<TBuilder>(this TBuilder builder, IReadOnlyList<TokenRole> roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(WebSession.Scheme, roles);
}
