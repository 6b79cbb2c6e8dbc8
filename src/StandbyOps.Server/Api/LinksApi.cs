using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Core.Incidents;
using StandbyOps.Desk.Links;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>PUT</c> and <c>GET /api/v1/incidents/{caseNumber}/links</c> [desk, engineer, admin]: internal or development
/// tickets linked to a ticket. Staff only: a customer token gets 403 here and never sees a link elsewhere.
/// </summary>
public static class LinksApi
{
    /// <summary>A link to add; putting a known URL again changes its label.</summary>
    public sealed record LinkRequest(string? Url, string? Label);

    /// <summary>One link.</summary>
    public sealed record LinkResponse(string Url, string Label, string AddedBy, Instant AddedAt);

    /// <summary>Maps the routes.</summary>
    public static void MapLinksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/incidents/{caseNumber}/links").WithTags("Incidents");
        group.MapGet("/", ListAsync).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
        group.MapPut("/", PutAsync).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
    }

    private static async Task<Results<Ok<LinkResponse[]>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string caseNumber, TicketLinks links, IncidentDesk desk, CancellationToken cancellationToken)
    {
        if (Malformed(caseNumber) is { } invalid)
        {
            return invalid;
        }

        return await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is null
            ? NotFound(caseNumber)
            : TypedResults.Ok((await links.ListAsync(caseNumber, cancellationToken).ConfigureAwait(false)).Select(ToResponse).ToArray());
    }

    private static async Task<Results<Ok<LinkResponse[]>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string caseNumber, LinkRequest request, ClaimsPrincipal user, TicketLinks links, CancellationToken cancellationToken)
    {
        if (Malformed(caseNumber) is { } invalid)
        {
            return invalid;
        }

        var errors = TicketLinks.Validate(request.Url, request.Label);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The link is invalid");
        }

        return await links.PutAsync(caseNumber, request.Url!, request.Label!, user.ActorOf(), cancellationToken).ConfigureAwait(false)
            ? TypedResults.Ok((await links.ListAsync(caseNumber, cancellationToken).ConfigureAwait(false)).Select(ToResponse).ToArray())
            : NotFound(caseNumber);
    }

    private static ValidationProblem? Malformed(string caseNumber) =>
        CaseNumbers.IsWellFormed(caseNumber)
            ? null
            : TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["caseNumber"] = [$"'{caseNumber}' is not a case number: expected YYYY-NNNNNN, e.g. 2026-000042."] },
                title: "The case number is malformed");

    private static ProblemHttpResult NotFound(string caseNumber) =>
        TypedResults.Problem(title: "Incident not found", detail: $"There is no incident {caseNumber}.", statusCode: StatusCodes.Status404NotFound);

    private static LinkResponse ToResponse(TicketLink link) => new(link.Url, link.Label, link.AddedBy, link.AddedAt);
}
