using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Core.Rota;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Rota;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>/api/v1/oncall</c> (who is on call for a customer), <c>/api/v1/teams/{team}/overrides</c> (rota overrides) and
/// <c>/api/v1/engineers/{engineer}/calendar.ics</c> (an engineer's shifts for calendar apps).
/// </summary>
public static class OnCallApi
{
    /// <summary>How far back the calendar feed reaches.</summary>
    public static readonly Duration FeedPast = Duration.FromDays(30);

    /// <summary>How far ahead the calendar feed reaches.</summary>
    public static readonly Duration FeedAhead = Duration.FromDays(90);

    private static readonly TokenRole[] FeedRoles = [TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer];

    /// <summary>An engineer holding a role; <see cref="Phone"/> is null for customer tokens (the engineer's number is not theirs to see).</summary>
    public sealed record PersonResponse(string Engineer, string? Name, string? Phone);

    /// <summary>Who holds which role for a customer at an instant, and whether that instant is standby or office time.</summary>
    public sealed record OnCallResponse(string Customer, Instant At, bool InStandby, bool InBusinessHours, PersonResponse? OnCall, PersonResponse? Backup, PersonResponse? Duty);

    /// <summary>A request to put <see cref="Engineer"/> on call for <c>[Start, End)</c>.</summary>
    public sealed record CreateOverrideRequest(string? Engineer, Instant? Start, Instant? End);

    /// <summary>A stored override.</summary>
    public sealed record OverrideResponse(string Id, string Team, string Engineer, Instant Start, Instant End, Instant CreatedAt, string CreatedBy);

    /// <summary>Maps the routes.</summary>
    public static void MapOnCallApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/oncall", GetOnCallAsync).WithTags("On-call")
            .RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Customer);

        var overrides = routes.MapGroup("/api/v1/teams/{team}/overrides").WithTags("On-call").RequireRoles(TokenRole.Admin, TokenRole.Desk);
        overrides.MapPost("/", AddOverrideAsync);
        overrides.MapGet("/", ListOverridesAsync);

        // Calendar apps cannot send headers, so this route checks the token in the query string itself.
        routes.MapGet("/api/v1/engineers/{engineer}/calendar.ics", CalendarAsync).WithTags("On-call").AllowAnonymous();
    }

    private static async Task<Results<Ok<OnCallResponse>, ProblemHttpResult, ValidationProblem>> GetOnCallAsync(
        string? customer, string? at, ClaimsPrincipal user, OnCallLookup lookup, IClock clock, CancellationToken cancellationToken)
    {
        var pinned = user.PinnedCustomer();
        customer ??= pinned;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(customer))
        {
            errors["customer"] = ["Name the customer: ?customer=<id>."];
        }

        var instant = clock.GetCurrentInstant();
        if (at is not null)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(at);
            if (parsed.Success)
            {
                instant = parsed.Value;
            }
            else
            {
                errors["at"] = [$"'{at}' is not an instant: expected ISO-8601 UTC, e.g. 2026-11-20T14:00:00Z."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The on-call query is invalid");
        }

        var now = pinned is not null && pinned != customer ? null : await lookup.ForAsync(customer!, instant, cancellationToken).ConfigureAwait(false);
        if (now is null)
        {
            return TypedResults.Problem(title: "Customer not found", detail: $"There is no customer '{customer}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var showPhones = pinned is null;
        return TypedResults.Ok(new OnCallResponse(
            now.Customer, now.At, now.InStandby, now.InBusinessHours, Person(now.OnCall, showPhones), Person(now.Backup, showPhones), Person(now.Duty, showPhones)));
    }

    private static async Task<Results<Created<OverrideResponse>, ProblemHttpResult, ValidationProblem>> AddOverrideAsync(
        string team, CreateOverrideRequest request, ClaimsPrincipal user, TeamRotas rotas, RotaOverrideStore store, IClock clock, CancellationToken cancellationToken)
    {
        var outcome = await RotaOperations.AddOverrideAsync(team, request.Engineer, request.Start, request.End, user, rotas, store, clock, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            { TeamNotFound: true } => TeamNotFound(team),
            { Stored: { } stored } => TypedResults.Created($"/api/v1/teams/{team}/overrides/{stored.Id}", ToResponse(stored)),
            _ => TypedResults.ValidationProblem(outcome.Errors, title: "The override is invalid"),
        };
    }

    private static async Task<Results<Ok<OverrideResponse[]>, ProblemHttpResult>> ListOverridesAsync(
        string team, TeamRotas rotas, RotaOverrideStore store, CancellationToken cancellationToken)
    {
        if (rotas.Team(team) is null)
        {
            return TeamNotFound(team);
        }

        var stored = await store.ListAsync(team, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(stored.Select(ToResponse).ToArray());
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CalendarAsync(
        string engineer, string? token, TokenStore tokens, LiveConfig live, TeamRotas rotas, IClock clock, CancellationToken cancellationToken)
    {
        var caller = string.IsNullOrWhiteSpace(token) ? null : await tokens.FindBySecretAsync(token, cancellationToken).ConfigureAwait(false);
        if (caller is null || !FeedRoles.Contains(caller.Role))
        {
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: "The feed needs a live API token of role admin, desk or engineer in the query string: calendar.ics?token=<secret>.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var teams = live.Current.Teams.Values.Where(t => t.Engineers.ContainsKey(engineer)).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        if (teams.Count == 0)
        {
            return TypedResults.Problem(title: "Engineer not found", detail: $"No team lists an engineer '{engineer}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = clock.GetCurrentInstant();
        var shifts = new List<Shift>();
        foreach (var team in teams)
        {
            if (await rotas.ForAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } rota)
            {
                shifts.AddRange(rota.ShiftsFor(engineer, now - FeedPast, now + FeedAhead));
            }
        }

        var name = $"{teams[0].Engineers[engineer].Name} ({string.Join(", ", teams.Select(t => t.Id))})";
        var feed = ShiftCalendarFeed.Render(name, shifts.OrderBy(s => s.Start).ThenBy(s => s.Role), now);
        return TypedResults.Text(feed, "text/calendar; charset=utf-8");
    }

    private static PersonResponse? Person(OnCallPerson? person, bool showPhone) =>
        person is null ? null : new PersonResponse(person.Engineer, person.Name, showPhone ? person.Phone : null);

    private static ProblemHttpResult TeamNotFound(string team) =>
        TypedResults.Problem(title: "Team not found", detail: $"There is no team '{team}'.", statusCode: StatusCodes.Status404NotFound);

    private static OverrideResponse ToResponse(StoredOverride stored) =>
        new(stored.Id, stored.Team, stored.Engineer, stored.Start, stored.End, stored.CreatedAt, stored.CreatedBy);
}
