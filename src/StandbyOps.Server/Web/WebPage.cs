using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Server.Auth;

namespace StandbyOps.Server.Web;

/// <summary>
/// The page chrome every UI response shares: the document head, the navigation for the signed-in role,
/// the sign-out form, security headers, and the error pages (400, 403, 404) in the same dress.
/// </summary>
public sealed class WebPage(IAntiforgery antiforgery)
{
    // No script runs on these pages at all, so the policy can forbid every script and inline style.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The hidden antiforgery field for a form on this request's page.</summary>
    public Html FormToken(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    /// <summary>A whole page with <paramref name="body"/> inside the chrome.</summary>
    public ContentHttpResult Render(HttpContext context, string title, Html body, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        // What antiforgery sets for a page with a form token anyway; the same on every page keeps it from warning.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        var document = Html.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · StandbyOps</title>
            <link rel="stylesheet" href="{Stylesheet.Path}">
            </head>
            <body>
            {Header(context)}
            <main>
            {body}
            </main>
            </body>
            </html>
            """);
        return TypedResults.Content(document.Markup, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>An error page: what went wrong and what to do, with the status code that says it.</summary>
    public ContentHttpResult Error(HttpContext context, int status, string title, string detail) =>
        Render(context, title, Html.Of($"""
            <h1>{title}</h1>
            <p class="error">{detail}</p>
            <p><a href="{LocalUrls.HomeOf(context.User)}">Back to the start page</a></p>
            """), status);

    /// <summary>Writes <see cref="Error"/> outside endpoint code (the cookie scheme's access-denied event).</summary>
    public Task WriteErrorAsync(HttpContext context, int status, string title, string detail) =>
        Error(context, status, title, detail).ExecuteAsync(context);

    private Html Header(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: WebSession.Scheme })
        {
            return Html.Of($"<header><span class=\"brand\">StandbyOps</span></header>");
        }

        var links = new List<Html>();
        if (user.HasAny(WebRoles.Readers))
        {
            links.Add(Html.Of($"<a href=\"/incidents\">Incidents</a>"));
            links.Add(Html.Of($"<a href=\"/systems\">Systems</a>"));
            links.Add(Html.Of($"<a href=\"{StatusPages.Path}\">Status</a>"));
        }

        if (user.HasAny(WebRoles.Responders))
        {
            links.Add(Html.Of($"<a href=\"/oncall\">On call</a>"));
            links.Add(Html.Of($"<a href=\"{RotaPages.Path}\">Rota</a>"));
        }

        if (user.HasAny(WebRoles.SlaReaders))
        {
            links.Add(Html.Of($"<a href=\"{SlaReportPages.Path}\">SLA report</a>"));
        }

        if (user.HasAny(WebRoles.FinanceReaders))
        {
            links.Add(Html.Of($"<a href=\"{InvoicePages.ListPath}\">Invoices</a>"));
            links.Add(Html.Of($"<a href=\"{StandbyHoursPages.Path}\">Standby hours</a>"));
        }

        if (user.HasAny(WebRoles.PortalCustomers))
        {
            links.Add(Html.Of($"<a href=\"{PortalInvoicePages.ListPath}\">Invoices</a>"));
        }

        var role = user.FindFirstValue(ClaimTypes.Role) ?? "unknown";
        var scope = user.PinnedCustomer() is { Length: > 0 } customer ? $", {customer}" : string.Empty;
        return Html.Of($"""
            <header>
            <span class="brand">StandbyOps</span>
            {links}
            <span class="who">{user.Identity.Name} ({role}{scope})</span>
            <form method="post" action="/logout">{FormToken(context)}<button type="submit">Sign out</button></form>
            </header>
            """);
    }
}
