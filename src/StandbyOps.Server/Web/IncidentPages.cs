using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Core.Incidents;
using StandbyOps.Desk.FollowUps;
using StandbyOps.Desk.Links;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Paging;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/incidents</c>: the queue, one incident, and its buttons. Each button is a form post that calls the same
/// <see cref="IncidentDesk"/> operation as the API with <see cref="Via.Web"/> and the same actor, then sends the
/// browser back to the incident (post/redirect/get), so a reload never repeats it; repeats are idempotent anyway.
/// A customer sees only its own incidents; another customer's is a 404, exactly like an unknown one.
/// </summary>
public static class IncidentPages
{
    /// <summary>Maps the routes.</summary>
    public static void MapIncidentPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/incidents").ExcludeFromDescription();
        group.MapGet("/", QueueAsync).RequireWebRoles(WebRoles.Readers);
        group.MapGet("/{caseNumber}", DetailAsync).RequireWebRoles(WebRoles.Readers);
        group.MapPost("/{caseNumber}/acknowledge", (string caseNumber, HttpContext context, IncidentDesk desk, WebPage page) =>
            ActAsync(caseNumber, context, page, who => desk.AcknowledgeAsync(caseNumber, who, Via.Web, context.RequestAborted)))
            .RequireWebRoles(WebRoles.Responders).RequireFormToken();
        group.MapPost("/{caseNumber}/resolve", (string caseNumber, HttpContext context, IncidentDesk desk, WebPage page) =>
            ActAsync(caseNumber, context, page, who => desk.ResolveAsync(caseNumber, who, Via.Web, context.RequestAborted)))
            .RequireWebRoles(WebRoles.Responders).RequireFormToken();
        group.MapPost("/{caseNumber}/close", (string caseNumber, HttpContext context, IncidentDesk desk, WebPage page) =>
            ActAsync(caseNumber, context, page, who => desk.CloseAsync(caseNumber, who, context.RequestAborted)))
            .RequireWebRoles(WebRoles.Responders).RequireFormToken();
        group.MapPost("/{caseNumber}/notes", NoteAsync).RequireWebRoles(WebRoles.Responders).RequireFormToken();
        group.MapPost("/{caseNumber}/review", (string caseNumber, HttpContext context, FollowUpReviews reviews, WebPage page) =>
            ReviewAsync(caseNumber, context, reviews, page)).RequireWebRoles(WebRoles.Responders).RequireFormToken();
    }

    /// <summary>The page of one incident.</summary>
    public static string PathOf(string caseNumber) => $"/incidents/{Uri.EscapeDataString(caseNumber)}";

    private static async Task<ContentHttpResult> QueueAsync(
        string? state, HttpContext context, IncidentDesk desk, FollowUpReviews reviews, LiveConfig live, WebPage page, CancellationToken cancellationToken)
    {
        if (!QueueFilter.TryParse(state, out var filter))
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "Unknown state filter",
                $"'{state}' is not a state. Use one of: {string.Join(", ", QueueFilter.Names)}.");
        }

        var customer = context.User.PinnedCustomer();
        var incidents = new List<Incident>();
        foreach (var wanted in filter.States)
        {
            incidents.AddRange(await desk.ListAsync(new IncidentFilter(wanted, customer), cancellationToken).ConfigureAwait(false));
        }

        // Several lists merged: the desk's queue order again, priority first, then first come first served.
        var queue = incidents.OrderBy(i => i.Priority).ThenBy(i => i.OpenedAt).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ToList();
        // Follow-up reviews are the desk's own work: staff see them above the queue, customers never.
        var due = context.User.HasAny(WebRoles.Responders) ? await reviews.DueAsync(customer, cancellationToken).ConfigureAwait(false) : [];
        var body = Html.Of($"{IncidentQueueView.Render(queue, filter, live.Current, canOpen: context.User.HasAny(TicketPages.Openers), canTriage: context.User.HasAny(TriagePages.Triagers))}{DueReviewsView.Render(due, live.Current, context, page)}");
        return page.Render(context, "Incidents", body);
    }

    private static async Task<ContentHttpResult> DetailAsync(
        string caseNumber, HttpContext context, IncidentDesk desk, TicketLinks links, LiveConfig live, WebPage page, SmsReplySimulator simulator, CancellationToken cancellationToken)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            return Malformed(context, page, caseNumber);
        }

        var detail = await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        if (detail is null || !IsVisible(context, detail.Incident))
        {
            return NotFound(context, page, caseNumber);
        }

        // Internal links are staff-only: a customer's page never even loads them.
        var linked = context.User.HasAny(WebRoles.Responders) ? await links.ListAsync(caseNumber, cancellationToken).ConfigureAwait(false) : null;
        var replies = await SmsReplyPages.SuggestionsAsync(detail.Pages, context, simulator, cancellationToken).ConfigureAwait(false);
        return page.Render(context, $"{caseNumber} {detail.Incident.Title}", IncidentDetailView.Render(detail, context, page, live.Current, note: null, linked, replies));
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> NoteAsync(
        string caseNumber, HttpContext context, IncidentDesk desk, LiveConfig live, WebPage page, CancellationToken cancellationToken)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            return Malformed(context, page, caseNumber);
        }

        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var text = form["text"].ToString().Trim();
        if (text.Length is 0 or > IncidentDesk.MaxNoteLength)
        {
            // The page again with the text kept, so nothing typed at 3 a.m. is lost.
            var detail = await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
            return detail is null
                ? NotFound(context, page, caseNumber)
                : page.Render(context, caseNumber, IncidentDetailView.Render(detail, context, page, live.Current, new NoteDraft(text, $"A note needs 1 to {IncidentDesk.MaxNoteLength} characters.")), StatusCodes.Status400BadRequest);
        }

        var isPublic = form["public"].ToString() == "on";
        return await ActAsync(caseNumber, context, page, async who =>
        {
            // A public note is mailed to the customer from within the desk's transaction (TicketNotices).
            return await desk.AddNoteAsync(caseNumber, who, text, isPublic, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> ReviewAsync(string caseNumber, HttpContext context, FollowUpReviews reviews, WebPage page)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            return Malformed(context, page, caseNumber);
        }

        await reviews.RecordAsync(caseNumber, context.User.ActorOf(), note: null, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Redirect("/incidents");
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> ActAsync(
        string caseNumber, HttpContext context, WebPage page, Func<Actor, Task<IncidentChange>> act)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            return Malformed(context, page, caseNumber);
        }

        var change = await act(context.User.ActorOf()).ConfigureAwait(false);
        return change.Found ? TypedResults.LocalRedirect(PathOf(caseNumber)) : NotFound(context, page, caseNumber);
    }

    private static bool IsVisible(HttpContext context, Incident incident) =>
        context.User.PinnedCustomer() is not { } own || incident.Customer == own;

    private static ContentHttpResult Malformed(HttpContext context, WebPage page, string caseNumber) =>
        page.Error(context, StatusCodes.Status400BadRequest, "Not a case number",
            $"'{caseNumber}' is not a case number: expected YYYY-NNNNNN, e.g. 2026-000042.");

    private static ContentHttpResult NotFound(HttpContext context, WebPage page, string caseNumber) =>
        page.Error(context, StatusCodes.Status404NotFound, "Incident not found", $"There is no incident {caseNumber}.");
}
