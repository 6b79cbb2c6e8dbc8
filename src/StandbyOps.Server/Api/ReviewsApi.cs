using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Core.Incidents;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.FollowUps;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// The desk's follow-up reviews (DOMAIN.md "Follow-up", NETCOR level 1): <c>GET /api/v1/reviews</c> lists the reviews due in
/// queue order, <c>POST /api/v1/incidents/{caseNumber}/review {note?}</c> records one. Staff only [desk, engineer, admin].
/// </summary>
public static class ReviewsApi
{
    /// <summary>A review: done, with an optional note for the timeline.</summary>
    public sealed record ReviewRequest(string? Note);

    /// <summary>One due review and the ticket it is for.</summary>
    public sealed record DueReviewResponse(
        string CaseNumber, int Review, Instant DueAt, string Priority, string State, string Customer, string System, string Title, Instant OpenedAt);

    /// <summary>What recording a review settled.</summary>
    public sealed record ReviewedResponse(string CaseNumber, int ReviewsDone);

    /// <summary>Maps the routes.</summary>
    public static void MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/reviews", ListAsync).WithTags("Incidents").RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
        routes.MapPost("/api/v1/incidents/{caseNumber}/review", ReviewAsync).WithTags("Incidents").RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
    }

    /// <summary>The response row of <paramref name="review"/>.</summary>
    public static DueReviewResponse ToResponse(DueReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var i = review.Incident;
        return new DueReviewResponse(i.CaseNumber, review.Number, review.DueAt, i.Priority.ToText(), i.State.ToText(), i.Customer, i.System, i.Title, i.OpenedAt);
    }

    private static async Task<Ok<DueReviewResponse[]>> ListAsync(string? customer, FollowUpReviews reviews, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reviews.DueAsync(customer, cancellationToken).ConfigureAwait(false)).Select(ToResponse).ToArray());

    private static async Task<Results<Ok<ReviewedResponse>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        string caseNumber, ReviewRequest? request, ClaimsPrincipal user, IncidentDesk desk, FollowUpReviews reviews, CancellationToken cancellationToken)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["caseNumber"] = [$"'{caseNumber}' is not a case number: expected YYYY-NNNNNN, e.g. 2026-000042."] },
                title: "The case number is malformed");
        }

        if (request?.Note is { } note && note.Trim().Length > FollowUpReviews.MaxNoteLength - 30)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["note"] = [$"A review note has at most {FollowUpReviews.MaxNoteLength - 30} characters."] },
                title: "The review is invalid");
        }

        if (await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.Problem(title: "Incident not found", detail: $"There is no incident {caseNumber}.", statusCode: StatusCodes.Status404NotFound);
        }

        var done = await reviews.RecordAsync(caseNumber, user.ActorOf(), request?.Note, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ReviewedResponse(caseNumber, done));
    }
}
