using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/login</c> and <c>/logout</c>: a person signs in by pasting the secret of an API token, and the session then
/// has that token's role and customer. The secret is checked once and never stored in the cookie or logged.
/// </summary>
public static class LoginPages
{
    /// <summary>Longer input than any secret is not looked up at all.</summary>
    public const int MaxSecretLength = 512;

    /// <summary>Maps the routes.</summary>
    public static void MapLoginPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/login", LoginAsync).AllowAnonymous().RequireFormToken().ExcludeFromDescription();
        routes.MapPost("/logout", LogoutAsync).RequireWebRoles(WebRoles.Session).RequireFormToken().ExcludeFromDescription();
        routes.MapGet("/", (ClaimsPrincipal user) => TypedResults.LocalRedirect(LocalUrls.HomeOf(user))).RequireWebRoles(WebRoles.Session).ExcludeFromDescription();
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> ShowAsync(string? returnUrl, HttpContext context, WebPage page)
    {
        // A browser that is still signed in goes straight on (a revoked session fails here and is cleared).
        if (await context.AuthenticateAsync(WebSession.Scheme).ConfigureAwait(false) is { Succeeded: true, Principal: { } user })
        {
            return TypedResults.LocalRedirect(LocalUrls.ForRole(LocalUrls.OrHome(returnUrl), user));
        }

        return Form(context, page, returnUrl, StatusCodes.Status200OK, error: null);
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> LoginAsync(HttpContext context, TokenStore tokens, WebPage page, ILoggerFactory loggers)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(context.RequestAborted).ConfigureAwait(false);
        var secret = form["token"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        var logger = loggers.CreateLogger(WebLog.Category);
        var remote = context.Connection.RemoteIpAddress;
        var token = secret.Length is > 0 and <= MaxSecretLength
            ? await tokens.FindBySecretAsync(secret, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (token is null)
        {
            WebLog.UnknownToken(logger, remote);
            return Form(context, page, returnUrl, StatusCodes.Status401Unauthorized,
                "That token was not accepted. Paste the whole secret of a live API token; ask an admin for a new one if yours was revoked.");
        }

        if (token.Role == TokenRole.Pusher)
        {
            WebLog.PusherRefused(logger, token.Id, token.Name, remote);
            return Form(context, page, returnUrl, StatusCodes.Status403Forbidden,
                "Pusher tokens are for machines (metrics push and Alertmanager) and cannot sign in to the web UI. Sign in with a desk, engineer, admin or customer token.");
        }

        await context.SignInAsync(WebSession.Scheme, TokenPrincipal.For(token, WebSession.Scheme), new AuthenticationProperties { IsPersistent = true }).ConfigureAwait(false);
        WebLog.SignedIn(logger, token.Id, token.Name, token.Role.ToName(), remote);
        // The login form defaults to the incidents; a finance session lands on its own start page instead.
        var landing = token.Role == TokenRole.Finance && LocalUrls.OrHome(returnUrl) == LocalUrls.Home ? LocalUrls.FinanceHome : LocalUrls.OrHome(returnUrl);
        return TypedResults.LocalRedirect(landing);
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext context, ILoggerFactory loggers)
    {
        await context.SignOutAsync(WebSession.Scheme).ConfigureAwait(false);
        WebLog.SignedOut(loggers.CreateLogger(WebLog.Category), context.User.FindFirstValue(ClaimTypes.NameIdentifier));
        return TypedResults.LocalRedirect("/login");
    }

    private static ContentHttpResult Form(HttpContext context, WebPage page, string? returnUrl, int status, string? error)
    {
        var message = error is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\">{error}</p>");
        return page.Render(context, "Sign in", Html.Of($"""
            <h1>Sign in</h1>
            {message}
            <form method="post" action="/login">
            {page.FormToken(context)}
            <input type="hidden" name="returnUrl" value="{LocalUrls.OrHome(returnUrl)}">
            <label for="token">API token</label>
            <input id="token" name="token" type="password" autocomplete="off" autocapitalize="off" spellcheck="false" required>
            <p class="muted">Paste the secret an admin created for you with <code>token create</code>. Pusher tokens cannot sign in.</p>
            <p><button type="submit">Sign in</button></p>
            </form>
            """), status);
    }
}
