using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Configuration;
using StandbyOps.Desk.Intake;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/triage</c> [desk, admin]: mail from unknown senders, each with a form to open a ticket for a customer's
/// system (the sender as reporter) or to discard it (kept and marked), through the same <see cref="TriageQueue"/>
/// as <c>/api/v1/triage</c>.
/// </summary>
public static class TriagePages
{
    /// <summary>The page's path.</summary>
    public const string Path = "/triage";

    /// <summary>Who sees the triage queue: as <c>GET /api/v1/triage</c>.</summary>
    public static readonly IReadOnlyList<TokenRole> Triagers = [TokenRole.Admin, TokenRole.Desk];

    /// <summary>Maps the routes.</summary>
    public static void MapTriagePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ListAsync).RequireWebRoles(Triagers).ExcludeFromDescription();
        routes.MapPost(Path + "/{id}/assign", AssignAsync).RequireWebRoles(Triagers).RequireFormToken().ExcludeFromDescription();
        routes.MapPost(Path + "/{id}/discard", DiscardAsync).RequireWebRoles(Triagers).RequireFormToken().ExcludeFromDescription();
    }

    private static async Task<ContentHttpResult> ListAsync(HttpContext context, TriageQueue queue, LiveConfig live, WebPage page, CancellationToken cancellationToken)
    {
        var items = await queue.ListAsync("open", cancellationToken).ConfigureAwait(false);
        var body = items.Count == 0
            ? Html.Of($"<p class=\"muted\">No mail is waiting for triage.</p>")
            : Html.Of($"{items.Select(i => Item(i, live.Current, context, page))}");
        return page.Render(context, "Triage", Html.Of($"""
            <p><a href="/incidents">← Incidents</a></p>
            <h1>Triage</h1>
            <p class="muted">Mail from senders who are no customer's contact. Open a ticket for it, or discard it.</p>
            {body}
            """));
    }

    private static Html Item(TriageItem item, StandbyOpsConfig config, HttpContext context, WebPage page)
    {
        var systems = config.Customers.Values.SelectMany(c => c.Systems.Values.Select(s => Html.Of($"<option value=\"{c.Id}/{s.Id}\">{c.Name} · {s.Name}</option>")));
        return Html.Of($"""
            <section class="triage">
            <h2>{(item.Subject.Length == 0 ? "(no subject)" : item.Subject)}</h2>
            <p>From {item.Sender} · <time datetime="{NodaTime.Text.InstantPattern.General.Format(item.ReceivedAt)}">{NodaTime.Text.InstantPattern.General.Format(item.ReceivedAt)}</time></p>
            <pre>{item.Body}</pre>
            <form method="post" action="{Path}/{item.Id}/assign">
            {page.FormToken(context)}
            <label for="system-{item.Id}">System</label>
            <select id="system-{item.Id}" name="system">{systems}</select>
            <p><button type="submit">Open ticket</button></p>
            </form>
            <form method="post" action="{Path}/{item.Id}/discard">{page.FormToken(context)}<button type="submit" class="secondary">Discard</button></form>
            </section>
            """);
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> AssignAsync(
        string id, HttpContext context, TriageQueue queue, WebPage page, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var picked = form["system"].ToString();
        var slash = picked.IndexOf('/', StringComparison.Ordinal);
        var opening = await queue.AssignAsync(id, slash > 0 ? picked[..slash] : null, slash > 0 ? picked[(slash + 1)..] : picked, context.User.ActorOf(), cancellationToken).ConfigureAwait(false);
        if (opening is null)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "Triage item not found", $"There is no open triage item {id}.");
        }

        return opening.Incident is { } incident
            ? TypedResults.LocalRedirect(IncidentPages.PathOf(incident.CaseNumber))
            : page.Error(context, StatusCodes.Status400BadRequest, "The assignment is invalid", string.Join(" ", opening.Errors.SelectMany(e => e.Value)));
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> DiscardAsync(
        string id, HttpContext context, TriageQueue queue, WebPage page, CancellationToken cancellationToken) =>
        await queue.DiscardAsync(id, context.User.ActorOf(), cancellationToken).ConfigureAwait(false)
            ? TypedResults.LocalRedirect(Path)
            : page.Error(context, StatusCodes.Status404NotFound, "Triage item not found", $"There is no open triage item {id}.");
}
