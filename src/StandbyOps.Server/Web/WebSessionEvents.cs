using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// The session cookie's rules: a session lives only as long as its token (a revoked token signs the browser
/// out on its next request), an anonymous browser goes to the login page and comes back afterwards, and a
/// role that may not see a page gets the 403 page rather than a redirect loop.
/// </summary>
public sealed class WebSessionEvents(TokenStore tokens, WebPage page, ILoggerFactory loggers) : CookieAuthenticationEvents
{
    private readonly ILogger _logger = loggers.CreateLogger(WebLog.Category);

    /// <inheritdoc />
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var token = id is null ? null : await tokens.FindByIdAsync(id, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (token is not null && token.Role != TokenRole.Pusher && context.Principal!.Matches(token))
        {
            return;
        }

        WebLog.SessionEnded(_logger, id);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(WebSession.Scheme).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // After the login a browser can only come back with a GET: a form post returns to the page it was sent from.
        var back = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? $"{request.PathBase}{request.Path}{request.QueryString}"
            : SameOriginReferrer(request) ?? LocalUrls.Home;
        context.Response.Redirect(LocalUrls.Login(back));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.HttpContext.User.FindFirstValue(ClaimTypes.Role) ?? "unknown";
        var request = context.Request;
        var advice = role == TokenRole.Finance.ToName()
            ? "Finance works under Invoices and Standby hours."
            : "Ask an admin for a token of the role you need.";
        return page.WriteErrorAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not for your role",
            $"A {role} token may not open {request.Method} {request.Path}. {advice}");
    }

    private static string? SameOriginReferrer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
        && string.Equals(referrer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? referrer.PathAndQuery
            : null;
}
