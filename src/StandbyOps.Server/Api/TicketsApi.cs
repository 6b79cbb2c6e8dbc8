using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Core.Incidents;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// Tickets opened by people (API.md "Added"): <c>POST /api/v1/incidents</c> for the desk and admins (a phone call
/// is logged with <c>channel: phone</c>) and for a customer token on its own systems (always <c>portal</c>), and
/// <c>POST /api/v1/incidents/{caseNumber}/comments</c>: staff choose whether the customer may read it, a customer
/// comments publicly on its own tickets only (another customer's is a 404, as in the rest of the API).
/// </summary>
public static class TicketsApi
{
    /// <summary>A ticket to open; <see cref="Channel"/> defaults to <c>api</c> for staff and is always <c>portal</c> for a customer.</summary>
    public sealed record TicketRequest(
        string? Customer, string? System, string? Title, string? Description, string? Priority, string? Reporter, string? ReporterEmail, string? Channel);

    /// <summary>A comment; <see cref="Public"/> is ignored for customers (theirs are always public).</summary>
    public sealed record CommentRequest(string? Text, bool? Public);

    /// <summary>Maps the routes.</summary>
    public static void MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/incidents").WithTags("Incidents");
        group.MapPost("/", OpenAsync).RequireRoles(TokenRole.Desk, TokenRole.Admin, TokenRole.Customer);
        group.MapPost("/{caseNumber}/comments", CommentAsync).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin, TokenRole.Customer);
    }

    /// <summary>Reads the request the API and the web form share into a <see cref="NewTicket"/>, pinned to the caller's customer for a customer.</summary>
    public static NewTicket ToNewTicket(ClaimsPrincipal user, TicketRequest request, string staffChannel, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Priority? priority = null;
        if (!string.IsNullOrWhiteSpace(request.Priority))
        {
            if (PriorityText.TryParse(request.Priority, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                errors["priority"] = [$"'{request.Priority}' is not a priority: use P1, P2, P3 or P4."];
            }
        }

        if (user.PinnedCustomer() is { } own)
        {
            if (request.Customer is { Length: > 0 } asked && asked != own)
            {
                errors["customer"] = ["A customer opens tickets for its own systems only."];
            }

            return new NewTicket(own, request.System, request.Title, request.Description, priority, request.Reporter, request.ReporterEmail, TicketChannel.Portal);
        }

        var channel = string.IsNullOrWhiteSpace(request.Channel) ? staffChannel : request.Channel.Trim().ToLowerInvariant();
        return new NewTicket(request.Customer, request.System, request.Title, request.Description, priority, request.Reporter, request.ReporterEmail, channel);
    }

    private static async Task<Results<Created<IncidentsApi.IncidentDetailResponse>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        TicketRequest request, ClaimsPrincipal user, TicketDesk tickets, IncidentDesk desk, CancellationToken cancellationToken)
    {
        var ticket = ToNewTicket(user, request, TicketChannel.Api, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The ticket is invalid");
        }

        var opening = await tickets.OpenAsync(ticket, user.ActorOf(), cancellationToken).ConfigureAwait(false);
        if (opening.Incident is not { } incident)
        {
            return TypedResults.ValidationProblem(opening.Errors, title: "The ticket is invalid");
        }

        var detail = await desk.GetAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false);
        return detail is null
            ? TypedResults.Problem(title: "The ticket vanished", detail: $"Ticket {incident.CaseNumber} was opened but cannot be read back.", statusCode: StatusCodes.Status500InternalServerError)
            : TypedResults.Created($"/api/v1/incidents/{incident.CaseNumber}", IncidentsApi.ToResponse(detail, showPhones: user.PinnedCustomer() is null));
    }

    private static async Task<Results<Ok<IncidentsApi.IncidentDetailResponse>, ValidationProblem, ProblemHttpResult>> CommentAsync(
        string caseNumber, CommentRequest request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken cancellationToken)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["caseNumber"] = [$"'{caseNumber}' is not a case number: expected YYYY-NNNNNN, e.g. 2026-000042."] },
                title: "The case number is malformed");
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > IncidentDesk.MaxNoteLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["text"] = [$"A comment needs 1 to {IncidentDesk.MaxNoteLength} characters of text."] },
                title: "The comment is invalid");
        }

        var own = user.PinnedCustomer();
        var current = await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        if (current is null || (own is not null && current.Incident.Customer != own))
        {
            return TypedResults.Problem(title: "Incident not found", detail: $"There is no incident {caseNumber}.", statusCode: StatusCodes.Status404NotFound);
        }

        // A staff note marked public is mailed to the customer from within the desk's transaction (TicketNotices).
        await desk.AddNoteAsync(caseNumber, user.ActorOf(), text, isPublic: own is not null || request.Public == true, cancellationToken).ConfigureAwait(false);
        var detail = await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(IncidentsApi.ToResponse(detail!, showPhones: own is null));
    }
}
