using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Core.Incidents;
using StandbyOps.Desk.Links;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/tickets/new</c>: the desk logs a ticket (a phone call) and a customer's contact opens one in the portal,
/// through the same <see cref="TicketDesk"/> as <c>POST /api/v1/incidents</c>; <c>/incidents/{caseNumber}/comments</c>:
/// a customer comments (always public) on its own ticket. Both post/redirect/get to the incident.
/// </summary>
public static class TicketPages
{
    /// <summary>The form's path.</summary>
    public const string NewPath = "/tickets/new";

    /// <summary>Who may open tickets: as <c>POST /api/v1/incidents</c>.</summary>
    public static readonly IReadOnlyList<TokenRole> Openers = [TokenRole.Admin, TokenRole.Desk, TokenRole.Customer];

    /// <summary>Maps the routes.</summary>
    public static void MapTicketPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(NewPath, (HttpContext context, LiveConfig live, WebPage page) =>
            page.Render(context, "New ticket", TicketFormView.Render(live.Current, context.User.PinnedCustomer(), context, page, null, null)))
            .RequireWebRoles(Openers).ExcludeFromDescription();
        routes.MapPost(NewPath, OpenAsync).RequireWebRoles(Openers).RequireFormToken().ExcludeFromDescription();
        routes.MapPost("/incidents/{caseNumber}/comments", CommentAsync).RequireWebRoles([TokenRole.Customer]).RequireFormToken().ExcludeFromDescription();
        routes.MapPost("/incidents/{caseNumber}/links", LinkAsync).RequireWebRoles(WebRoles.Responders).RequireFormToken().ExcludeFromDescription();
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> LinkAsync(
        string caseNumber, HttpContext context, TicketLinks links, WebPage page, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var url = form["url"].ToString();
        var label = form["label"].ToString();
        var errors = TicketLinks.Validate(url, label);
        if (errors.Count > 0)
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "The link is invalid", string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        return CaseNumbers.IsWellFormed(caseNumber) && await links.PutAsync(caseNumber, url, label, context.User.ActorOf(), cancellationToken).ConfigureAwait(false)
            ? TypedResults.LocalRedirect(IncidentPages.PathOf(caseNumber))
            : page.Error(context, StatusCodes.Status404NotFound, "Incident not found", $"There is no incident {caseNumber}.");
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> OpenAsync(
        HttpContext context, TicketDesk tickets, LiveConfig live, WebPage page, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var picked = form["system"].ToString();
        var slash = picked.IndexOf('/', StringComparison.Ordinal);
        var request = new TicketsApi.TicketRequest(
            slash > 0 ? picked[..slash] : null, slash > 0 ? picked[(slash + 1)..] : picked, form["title"].ToString(), form["description"].ToString(),
            form["priority"].ToString(), form["reporter"].ToString(), NullIfEmpty(form["reporterEmail"].ToString()), form["channel"].ToString());
        var ticket = TicketsApi.ToNewTicket(context.User, request, TicketChannel.Phone, out var errors);
        if (errors.Count == 0)
        {
            var opening = await tickets.OpenAsync(ticket, context.User.ActorOf(), cancellationToken).ConfigureAwait(false);
            if (opening.Incident is { } incident)
            {
                return TypedResults.LocalRedirect(IncidentPages.PathOf(incident.CaseNumber));
            }

            errors = opening.Errors.ToDictionary();
        }

        return page.Render(context, "New ticket", TicketFormView.Render(live.Current, context.User.PinnedCustomer(), context, page, request, errors), StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> CommentAsync(
        string caseNumber, HttpContext context, IncidentDesk desk, WebPage page, CancellationToken cancellationToken)
    {
        var own = context.User.PinnedCustomer();
        var current = CaseNumbers.IsWellFormed(caseNumber) ? await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) : null;
        if (current is null || current.Incident.Customer != own)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "Incident not found", $"There is no incident {caseNumber}.");
        }

        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var text = form["text"].ToString().Trim();
        if (text.Length is 0 or > IncidentDesk.MaxNoteLength)
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "The comment is invalid", $"A comment needs 1 to {IncidentDesk.MaxNoteLength} characters.");
        }

        await desk.AddNoteAsync(caseNumber, context.User.ActorOf(), text, isPublic: true, cancellationToken).ConfigureAwait(false);
        return TypedResults.LocalRedirect(IncidentPages.PathOf(caseNumber));
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
