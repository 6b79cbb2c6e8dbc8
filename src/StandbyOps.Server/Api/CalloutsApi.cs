using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>/api/v1/callouts</c>: finance records and corrects callouts until the month is invoiced.</summary>
public static class CalloutsApi
{
    /// <summary>A callout as finance writes it; start and end are instants or local times in the customer's zone.</summary>
    public sealed record CalloutRequest(string? Customer, string? Engineer, string? Start, string? End, string? CaseNumber);

    /// <summary>A stored callout; <see cref="End"/> is null while paging still has it open.</summary>
    public sealed record CalloutResponse(string Id, string Customer, string Engineer, string? CaseNumber, Instant Start, Instant? End, Instant CreatedAt, Instant UpdatedAt);

    /// <summary>Maps the routes.</summary>
    public static void MapCalloutsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/callouts").WithTags("Callouts").RequireRoles(TokenRole.Finance, TokenRole.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}", UpdateAsync);
    }

    private static async Task<Results<Ok<CalloutResponse[]>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string? customer, string? month, ClaimsPrincipal user, StandbyOpsConfig config, CalloutStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = BillingInput.Month(month, "month", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The callout query is invalid");
        }

        var customers = customer is null ? config.Customers.Keys.Order(StringComparer.Ordinal).ToList() : [customer];
        var result = new List<CalloutResponse>();
        foreach (var id in customers)
        {
            if (BillingInput.Contract(config, id, user) is not { } contract)
            {
                return BillingInput.UnknownCustomer(id);
            }

            var callouts = await store.ListAsync(id, BillingInput.ExactMonth(contract, parsed!.Value), cancellationToken).ConfigureAwait(false);
            result.AddRange(callouts.Select(ToResponse));
        }

        return TypedResults.Ok(result.ToArray());
    }

    private static async Task<Results<Created<CalloutResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CalloutRequest request, ClaimsPrincipal user, StandbyOpsConfig config, CalloutStore store, StandbyPeriodStore periods, CancellationToken cancellationToken)
    {
        var (_, values, problem) = await ValidateAsync(request, user, config, periods, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem.Result is ValidationProblem validation ? validation : (ProblemHttpResult)problem.Result;
        }

        // A callout of an invoiced month is accepted as a late item of the next invoice (docs/billing.md).
        var write = await store.AddAsync(values!, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/callouts/{write.Callout!.Id}", ToResponse(write.Callout));
    }

    private static async Task<Results<Ok<CalloutResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string id, CalloutRequest request, ClaimsPrincipal user, StandbyOpsConfig config, CalloutStore store, StandbyPeriodStore periods, CancellationToken cancellationToken)
    {
        var (contract, values, problem) = await ValidateAsync(request, user, config, periods, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem.Result is ValidationProblem validation ? validation : (ProblemHttpResult)problem.Result;
        }

        // Months are read in each callout's own customer zone; a move between customers keeps the new one's zone for both.
        var write = await store.UpdateAsync(id, values!, at => BillingInput.MonthOf(contract!, at), cancellationToken).ConfigureAwait(false);
        return write.Status switch
        {
            CalloutWriteStatus.Written => TypedResults.Ok(ToResponse(write.Callout!)),
            CalloutWriteStatus.NotFound => TypedResults.Problem(title: "Unknown callout", detail: $"No callout '{id}'.", statusCode: StatusCodes.Status404NotFound),
            _ => Invoiced(write.Callout?.Customer ?? values!.Customer, write.InvoicedMonth),
        };
    }

    private static async Task<(CustomerContract? Contract, CalloutValues? Values, ValidationOutcome? Problem)> ValidateAsync(
        CalloutRequest request, ClaimsPrincipal user, StandbyOpsConfig config, StandbyPeriodStore periods, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Customer))
        {
            return (null, null, new(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["customer"] = ["'customer' is required."] }, title: "The callout is invalid")));
        }

        if (BillingInput.Contract(config, request.Customer, user) is not { } contract)
        {
            return (null, null, new(BillingInput.UnknownCustomer(request.Customer)));
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Engineer))
        {
            errors["engineer"] = ["'engineer' is required."];
        }

        var start = BillingInput.RequiredInstant(request.Start, contract, "start", errors);
        var end = BillingInput.RequiredInstant(request.End, contract, "end", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors["end"] = [$"The callout must end after it starts ({e} is not after {s})."];
        }

        if (errors.Count > 0)
        {
            return (null, null, new(TypedResults.ValidationProblem(errors, title: "The callout is invalid")));
        }

        var probe = new Interval(start!.Value - Duration.FromDays(1), start.Value + Duration.FromDays(1));
        var oneOff = (await periods.ListAsync(contract.Customer, probe, cancellationToken).ConfigureAwait(false)).Select(p => p.Period);
        if (!contract.IsInsideAgreedStandby(start.Value, oneOff))
        {
            return (null, null, new(TypedResults.Problem(
                title: "The callout is outside agreed standby",
                detail: $"The callout starts at {start.Value.InZone(contract.Terms.Zone).LocalDateTime:uuuu-MM-dd HH:mm} ({contract.Terms.Zone.Id}), which is not inside agreed standby of {contract.Customer}; agree a standby period first.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["field"] = "start", ["code"] = "callout-outside-standby" })));
        }

        var caseNumber = string.IsNullOrWhiteSpace(request.CaseNumber) ? null : request.CaseNumber.Trim();
        return (contract, new CalloutValues(contract.Customer, request.Engineer!.Trim(), caseNumber, start.Value, end!.Value), null);
    }

    private static ProblemHttpResult Invoiced(string customer, YearMonth? month) =>
        TypedResults.Problem(
            title: "The month is invoiced",
            detail: $"The callout is billed on {customer}'s issued invoice of {month:uuuu-MM} and can no longer change. Credit the invoice first, or add the difference as a new callout (a late item of the next invoice).",
            statusCode: StatusCodes.Status409Conflict);

    private static CalloutResponse ToResponse(StoredCallout c) => new(c.Id, c.Customer, c.Engineer, c.CaseNumber, c.Start, c.End, c.CreatedAt, c.UpdatedAt);

    private sealed record ValidationOutcome(IResult Result);
}
