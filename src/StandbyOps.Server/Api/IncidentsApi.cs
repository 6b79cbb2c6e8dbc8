using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Core.Incidents;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Signals;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>/api/v1/incidents</c>: the desk's queue and detail, and acknowledge/resolve/close/notes (API.md "Incidents").
/// A customer token sees only its own customer's incidents: its list is filtered to that customer and another
/// customer's incident is a 404, exactly like an unknown one.
/// </summary>
public static class IncidentsApi
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = IncidentDesk.MaxNoteLength;

    /// <summary>Incidents per page when the query names no <c>limit</c>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest <c>limit</c> accepted.</summary>
    public const int MaxLimit = 500;

    /// <summary>An incident in the queue.</summary>
    public record IncidentResponse(
        string CaseNumber,
        string State,
        string Priority,
        string Customer,
        string System,
        string Source,
        string DedupKey,
        string Title,
        Instant OpenedAt,
        Instant? AcknowledgedAt,
        string? AcknowledgedBy,
        Instant? ResolvedAt,
        Instant? ResponseDueAt,
        Instant? ResolutionDueAt,
        bool ResponseBreached,
        bool ResolutionBreached);

    /// <summary>An incident with its timeline and pages: the queue's fields, flat as API.md has them, plus two lists.</summary>
    public sealed record IncidentDetailResponse : IncidentResponse
    {
        /// <summary>Adds <paramref name="timeline"/> and <paramref name="pages"/> to <paramref name="incident"/>'s fields.</summary>
        public IncidentDetailResponse(IncidentResponse incident, IReadOnlyList<TimelineEntryResponse> timeline, IReadOnlyList<PageResponse> pages)
            : base(incident)
        {
            Timeline = timeline;
            Pages = pages;
        }

        /// <summary>Every change, oldest first.</summary>
        public IReadOnlyList<TimelineEntryResponse> Timeline { get; }

        /// <summary>Every SMS about the incident.</summary>
        public IReadOnlyList<PageResponse> Pages { get; }
    }

    /// <summary>One timeline line; <see cref="Actor"/> is <c>kind:name</c>, e.g. <c>engineer:anna</c>.</summary>
    public sealed record TimelineEntryResponse(Instant At, string Actor, string Kind, string Text);

    /// <summary>One page sent about the incident; <see cref="Phone"/> is null for customer tokens (an engineer's number is not theirs to see).</summary>
    public sealed record PageResponse(string Engineer, string? Phone, Instant SentAt, string Status, string? ProviderId);

    /// <summary>A note to add.</summary>
    public sealed record NoteRequest(string? Text);

    /// <summary>Maps the routes.</summary>
    public static void MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/incidents").WithTags("Incidents");
        group.MapGet("/", ListAsync).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin, TokenRole.Customer)
            .WithSummary("The queue, one page at a time")
            .WithDescription($"Incidents by priority, then opening instant. `limit` (default {DefaultLimit}, at most {MaxLimit}) caps a page; " +
                "when more follow, the response carries `Link: <…&cursor=…>; rel=\"next\"`: follow it as given (the cursor is opaque).");
        group.MapGet("/{caseNumber}", GetAsync).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin, TokenRole.Customer);
        group.MapPost("/{caseNumber}/acknowledge", (string caseNumber, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
            ActAsync(caseNumber, desk, (d, who) => d.AcknowledgeAsync(caseNumber, who, Via.Api, ct), user, ct)).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
        group.MapPost("/{caseNumber}/resolve", (string caseNumber, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
            ActAsync(caseNumber, desk, (d, who) => d.ResolveAsync(caseNumber, who, Via.Api, ct), user, ct)).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
        group.MapPost("/{caseNumber}/close", (string caseNumber, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
            ActAsync(caseNumber, desk, (d, who) => d.CloseAsync(caseNumber, who, ct), user, ct)).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
        group.MapPost("/{caseNumber}/notes", AddNoteAsync).RequireRoles(TokenRole.Desk, TokenRole.Engineer, TokenRole.Admin);
    }

    private static async Task<Results<Ok<IncidentResponse[]>, ValidationProblem>> ListAsync(
        string? state, string? customer, int? limit, string? cursor, ClaimsPrincipal user, IncidentDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"'{limit}' is not a page size: use 1 to {MaxLimit} (default {DefaultLimit})."] },
                title: "The incident query is invalid");
        }

        IncidentCursor? after = null;
        if (cursor is not null)
        {
            if (!IncidentCursor.TryDecode(cursor, out var decoded))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["cursor"] = ["This is not a cursor of this API: follow the Link rel=\"next\" of a previous page as given, or leave it out to start at the top."] },
                    title: "The incident query is invalid");
            }

            after = decoded;
        }

        IncidentState? wanted = null;
        if (state is not null)
        {
            if (!IncidentStateText.TryParse(state, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["state"] = [$"'{state}' is not a state. Use one of: {string.Join(", ", IncidentStateText.Names)}."] },
                    title: "The incident query is invalid");
            }

            wanted = parsed;
        }

        if (OwnCustomer(user) is { } own)
        {
            // A customer token is pinned to its customer; asking for another one shows nothing rather than an error,
            // and a token whose customer is missing sees nothing at all (never every customer).
            if (own.Length == 0 || (customer is not null && customer != own))
            {
                return TypedResults.Ok(Array.Empty<IncidentResponse>());
            }

            customer = own;
        }

        var page = await desk.ListPageAsync(
            new IncidentFilter(wanted, string.IsNullOrWhiteSpace(customer) ? null : customer), after, limit ?? DefaultLimit, cancellationToken).ConfigureAwait(false);
        if (page.Next is { } next)
        {
            http.Response.Headers.Link = $"<{NextPageUrl(http.Request, next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Incidents.Select(ToResponse).ToArray());
    }

    /// <summary>The same query (path and every parameter but the cursor) continuing after <paramref name="next"/>.</summary>
    private static string NextPageUrl(HttpRequest request, IncidentCursor next)
    {
        var query = request.Query.Where(q => q.Key != "cursor")
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("cursor", (string?)next.Encode()));
        return request.PathBase + request.Path + QueryString.Create(query).ToUriComponent();
    }

    private static async Task<Results<Ok<IncidentDetailResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string caseNumber, ClaimsPrincipal user, IncidentDesk desk, CancellationToken cancellationToken)
    {
        if (BadCaseNumber(caseNumber) is { } invalid)
        {
            return invalid;
        }

        var detail = await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        return detail is null || (OwnCustomer(user) is { } own && detail.Incident.Customer != own)
            ? NotFound(caseNumber)
            : TypedResults.Ok(ToResponse(detail, showPhones: OwnCustomer(user) is null));
    }

    private static async Task<Results<Ok<IncidentDetailResponse>, ProblemHttpResult, ValidationProblem>> AddNoteAsync(
        string caseNumber, NoteRequest request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken cancellationToken)
    {
        if (BadCaseNumber(caseNumber) is { } invalid)
        {
            return invalid;
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxNoteLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["text"] = [$"A note needs 1 to {MaxNoteLength} characters of text."] },
                title: "The note is invalid");
        }

        return await ActAsync(caseNumber, desk, (d, who) => d.AddNoteAsync(caseNumber, who, text, cancellationToken), user, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<IncidentDetailResponse>, ProblemHttpResult, ValidationProblem>> ActAsync(
        string caseNumber, IncidentDesk desk, Func<IncidentDesk, Actor, Task<IncidentChange>> act, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (BadCaseNumber(caseNumber) is { } invalid)
        {
            return invalid;
        }

        var change = await act(desk, user.ActorOf()).ConfigureAwait(false);
        if (!change.Found)
        {
            return NotFound(caseNumber);
        }

        var detail = await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        return detail is null ? NotFound(caseNumber) : TypedResults.Ok(ToResponse(detail, showPhones: true));
    }

    private static string? OwnCustomer(ClaimsPrincipal user) =>
        user.PinnedCustomer();

    private static ValidationProblem? BadCaseNumber(string caseNumber) =>
        CaseNumbers.IsWellFormed(caseNumber)
            ? null
            : TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["caseNumber"] = [$"'{caseNumber}' is not a case number: expected YYYY-NNNNNN, e.g. 2026-000042."] },
                title: "The case number is malformed");

    private static ProblemHttpResult NotFound(string caseNumber) =>
        TypedResults.Problem(title: "Incident not found", detail: $"There is no incident {caseNumber}.", statusCode: StatusCodes.Status404NotFound);

    private static IncidentResponse ToResponse(Incident i) => new(
        i.CaseNumber, i.State.ToText(), i.Priority.ToText(), i.Customer, i.System, i.Source.ToText(), i.DedupKey, i.Title,
        i.OpenedAt, i.AcknowledgedAt, i.AcknowledgedBy?.ToString(), i.ResolvedAt, i.ResponseDueAt, i.ResolutionDueAt,
        i.ResponseBreached, i.ResolutionBreached);

    /// <summary>
    /// The detail as the caller may see it: staff see everything; a customer (<paramref name="showPhones"/> false)
    /// sees no engineer's number, no internal note and no internal ticket link.
    /// </summary>
    internal static IncidentDetailResponse ToResponse(IncidentDetail detail, bool showPhones) => new(
        ToResponse(detail.Incident),
        detail.Timeline.Where(e => showPhones || !TimelineKinds.IsInternal(e.Kind))
            .Select(e => new TimelineEntryResponse(e.At, e.Actor.ToString(), e.Kind, e.Text)).ToArray(),
        detail.Pages.Select(p => ToResponse(p, showPhones)).ToArray());

    private static PageResponse ToResponse(IncidentPage page, bool showPhone) =>
        new(page.Engineer, showPhone ? page.Phone : null, page.SentAt, page.Status, page.ProviderId);
}
