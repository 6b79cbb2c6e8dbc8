using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Standby;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Core.Standby;
using StandbyOps.Core.Time;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Incidents.Sla;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>/api/v1/customers/{customer}/standby-periods</c>: one-off agreed standby on top of the recurring coverage.</summary>
public static class StandbyPeriodsApi
{
    /// <summary>A period to agree: instants, or local date-times (<c>2026-12-05T22:00</c>) read in the customer's zone.</summary>
    public sealed record StandbyPeriodRequest(string? Start, string? End, string? Note);

    /// <summary>A stored period.</summary>
    public sealed record StandbyPeriodResponse(string Id, string Customer, Instant Start, Instant End, string? Note, string CreatedBy, Instant CreatedAt);

    /// <summary>Maps the routes.</summary>
    public static void MapStandbyPeriodsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers/{customer}/standby-periods").WithTags("Standby periods");
        group.MapGet("/", ListAsync).RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Finance, TokenRole.Engineer);
        group.MapPost("/", CreateAsync).RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Finance);
    }

    private static async Task<Results<Ok<StandbyPeriodResponse[]>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string customer, string? from, string? to, ClaimsPrincipal user, StandbyOpsConfig config, StandbyPeriodStore store, CancellationToken cancellationToken)
    {
        if (BillingInput.Contract(config, customer, user) is not { } contract)
        {
            return BillingInput.UnknownCustomer(customer);
        }

        var errors = new Dictionary<string, string[]>();
        var start = BillingInput.OptionalInstant(from, contract, "from", errors) ?? BillingInput.Earliest;
        var end = BillingInput.OptionalInstant(to, contract, "to", errors) ?? BillingInput.Latest;
        if (errors.Count == 0 && end <= start)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The standby period query is invalid");
        }

        var periods = await store.ListAsync(customer, new Interval(start, end), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(periods.Select(ToResponse).ToArray());
    }

    private static async Task<Results<Created<StandbyPeriodResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        string customer, StandbyPeriodRequest request, ClaimsPrincipal user, StandbyOpsConfig config, StandbyPeriodStore store, IClock clock, CancellationToken cancellationToken)
    {
        var (stored, errors) = await AddAsync(customer, request, user, config, store, clock, cancellationToken).ConfigureAwait(false);
        return stored is not null ? TypedResults.Created($"/api/v1/customers/{customer}/standby-periods/{stored.Id}", ToResponse(stored))
            : errors is null ? BillingInput.UnknownCustomer(customer)
            : TypedResults.ValidationProblem(errors, title: "The standby period is invalid");
    }

    /// <summary>
    /// Checks and stores a one-off standby period: the one path for this API and the rota page's form. Returns the stored
    /// period, or the errors per field, or neither for a customer the caller may not see.
    /// </summary>
    public static async Task<(StoredStandbyPeriod? Stored, Dictionary<string, string[]>? Errors)> AddAsync(
        string customer, StandbyPeriodRequest request, ClaimsPrincipal user, StandbyOpsConfig config, StandbyPeriodStore store, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        if (BillingInput.Contract(config, customer, user) is not { } contract)
        {
            return (null, null);
        }

        var errors = new Dictionary<string, string[]>();
        var start = BillingInput.RequiredInstant(request.Start, contract, "start", errors);
        var end = BillingInput.RequiredInstant(request.End, contract, "end", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors["end"] = [$"The period must end after it starts ({e} is not after {s})."];
        }

        if (request.Note is { Length: > 500 })
        {
            errors["note"] = ["A note has at most 500 characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var stored = await store.AddAsync(customer, new StandbyPeriod(start!.Value, end!.Value, request.Note), BillingInput.Caller(user), clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return (stored, null);
    }

    private static StandbyPeriodResponse ToResponse(StoredStandbyPeriod p) =>
        new(p.Id, p.Customer, p.Period.Start, p.Period.End, p.Period.Note, p.CreatedBy, p.CreatedAt);
}

/// <summary>Input parsing and contract lookup shared by the billing endpoints.</summary>
internal static class BillingInput
{
    public static readonly Instant Earliest = Instant.FromUtc(1, 1, 1, 0, 0);
    public static readonly Instant Latest = Instant.FromUtc(9999, 12, 31, 0, 0);

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss"),
    ];

    /// <summary>The contract of a configured customer the caller may see, or null.</summary>
    public static CustomerContract? Contract(StandbyOpsConfig config, string customer, ClaimsPrincipal user)
    {
        if (!config.Customers.TryGetValue(customer, out var customerConfig))
        {
            return null;
        }

        var pinned = user.PinnedCustomer();
        return pinned is not null && pinned != customer ? null : CustomerContract.FromConfig(config, customerConfig);
    }

    public static ProblemHttpResult UnknownCustomer(string? customer) =>
        TypedResults.Problem(title: "Unknown customer", detail: $"No customer '{customer}' in the configuration.", statusCode: StatusCodes.Status404NotFound);

    public static string Caller(ClaimsPrincipal user) => $"token:{user.FindFirstValue(ClaimTypes.Name)}";

    public static Instant? RequiredInstant(string? text, CustomerContract contract, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"'{field}' is required: an instant (2026-12-05T21:00:00Z) or a local time (2026-12-05T22:00) in the customer's zone."];
            return null;
        }

        return OptionalInstant(text, contract, field, errors);
    }

    /// <summary>An instant with offset, or a local time read in the contract's zone (gap → forward, overlap → earlier).</summary>
    public static Instant? OptionalInstant(string? text, CustomerContract contract, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success)
        {
            return withOffset.Value.ToInstant();
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        foreach (var pattern in LocalPatterns)
        {
            var local = pattern.Parse(text);
            if (local.Success)
            {
                return LocalTimePolicy.ToInstant(local.Value, contract.Terms.Zone);
            }
        }

        errors[field] = [$"'{text}' is neither an instant (2026-12-05T21:00:00Z) nor a local time (2026-12-05T22:00)."];
        return null;
    }

    public static YearMonth? Month(string? text, string field, Dictionary<string, string[]> errors)
    {
        var parsed = string.IsNullOrWhiteSpace(text) ? null : YearMonthPattern.Iso.Parse(text);
        if (parsed is { Success: true })
        {
            return parsed.Value;
        }

        errors[field] = [$"'{field}' must be a month such as 2026-11."];
        return null;
    }

    /// <summary>The month in the contract's zone as instants, widened so windows and callouts near the edges are included.</summary>
    public static Interval WideMonth(CustomerContract contract, YearMonth month)
    {
        var zone = contract.Terms.Zone;
        var first = month.OnDayOfMonth(1);
        return new Interval(
            LocalTimePolicy.StartOfDay(first.PlusDays(-3), zone),
            LocalTimePolicy.StartOfDay(first.PlusMonths(1).PlusDays(3), zone));
    }

    /// <summary>Exactly the month in the contract's zone as instants.</summary>
    public static Interval ExactMonth(CustomerContract contract, YearMonth month)
    {
        var zone = contract.Terms.Zone;
        var first = month.OnDayOfMonth(1);
        return new Interval(LocalTimePolicy.StartOfDay(first, zone), LocalTimePolicy.StartOfDay(first.PlusMonths(1), zone));
    }

    public static YearMonth MonthOf(CustomerContract contract, Instant instant)
    {
        var date = instant.InZone(contract.Terms.Zone).Date;
        return new YearMonth(date.Year, date.Month);
    }
}

/// <summary>The desk's view of one-off standby periods, read from the billing store.</summary>
internal sealed class StoredStandbyPeriodSource(StandbyPeriodStore store) : IStandbyPeriodSource
{
    public async Task<IReadOnlyList<StandbyPeriod>> PeriodsAsync(string customer, Interval range, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(customer, range, cancellationToken).ConfigureAwait(false)).Select(p => p.Period)];
}
