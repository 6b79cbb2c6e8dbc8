using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Desk.Intake;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>/api/v1/triage</c> [desk, admin]: mail from unknown senders. <c>POST /{id}/assign {customer, system}</c> opens
/// a ticket from it (the sender as reporter); <c>DELETE /{id}</c> discards it, kept in the store and marked.
/// </summary>
public static class TriageApi
{
    /// <summary>One mail waiting for the desk.</summary>
    public sealed record TriageResponse(string Id, string Sender, string Subject, string Body, Instant ReceivedAt, string State, string? CaseNumber, string? DecidedBy);

    /// <summary>Where an item belongs.</summary>
    public sealed record AssignRequest(string? Customer, string? System);

    /// <summary>Maps the routes.</summary>
    public static void MapTriageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/triage").WithTags("Desk");
        group.MapGet("/", ListAsync).RequireRoles(TokenRole.Desk, TokenRole.Admin);
        group.MapPost("/{id}/assign", AssignAsync).RequireRoles(TokenRole.Desk, TokenRole.Admin);
        group.MapDelete("/{id}", DiscardAsync).RequireRoles(TokenRole.Desk, TokenRole.Admin);
    }

    /// <summary>The response for <paramref name="item"/>.</summary>
    public static TriageResponse ToResponse(TriageItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Sender, item.Subject, item.Body, item.ReceivedAt, item.State, item.CaseNumber, item.DecidedBy);
    }

    private static async Task<Results<Ok<TriageResponse[]>, ValidationProblem>> ListAsync(string? state, TriageQueue queue, CancellationToken cancellationToken)
    {
        if (state is not null and not ("open" or "assigned" or "discarded"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"'{state}' is not a triage state: use open, assigned or discarded."] }, title: "The triage query is invalid");
        }

        return TypedResults.Ok((await queue.ListAsync(state ?? "open", cancellationToken).ConfigureAwait(false)).Select(ToResponse).ToArray());
    }

    private static async Task<Results<Created<IncidentsApi.IncidentDetailResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string id, AssignRequest request, ClaimsPrincipal user, TriageQueue queue, IncidentDesk desk, CancellationToken cancellationToken)
    {
        var opening = await queue.AssignAsync(id, request.Customer, request.System, user.ActorOf(), cancellationToken).ConfigureAwait(false);
        if (opening is null)
        {
            return TypedResults.Problem(title: "Triage item not found", detail: $"There is no open triage item {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (opening.Incident is not { } incident)
        {
            return TypedResults.ValidationProblem(opening.Errors, title: "The assignment is invalid");
        }

        var detail = await desk.GetAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/incidents/{incident.CaseNumber}", IncidentsApi.ToResponse(detail!, showPhones: true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(string id, ClaimsPrincipal user, TriageQueue queue, CancellationToken cancellationToken) =>
        await queue.DiscardAsync(id, user.ActorOf(), cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Triage item not found", detail: $"There is no open triage item {id}.", statusCode: StatusCodes.Status404NotFound);
}
