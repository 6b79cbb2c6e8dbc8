using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Reports;

/// <summary><c>GET /api/v1/reports/availability?customer=&amp;from=&amp;to=</c>: up, down, maintenance and unknown time per system and check.</summary>
public static class AvailabilityApi
{
    /// <summary>The longest period one request may ask for: the rollups' retention.</summary>
    public static readonly Duration MaxPeriod = HistoryRetention.Rollups;

    /// <summary>Maps the route.</summary>
    public static void MapAvailabilityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/reports/availability", GetAsync)
            .RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Finance, TokenRole.Customer)
            .WithTags("Reports");
    }

    private static async Task<Results<Ok<AvailabilityReport>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? customer, string? from, string? to, ClaimsPrincipal user, LiveConfig live, CheckHistoryRecorder recorder, CheckHistoryStore store, IClock clock,
        CancellationToken cancellationToken)
    {
        var config = live.Current;
        var pinned = user.PinnedCustomer();
        var errors = new Dictionary<string, string[]>();
        var id = pinned ?? customer;
        if (string.IsNullOrWhiteSpace(id))
        {
            errors["customer"] = ["'customer' is required."];
            return TypedResults.ValidationProblem(errors, title: "The availability request is invalid");
        }

        if (pinned is not null && !string.IsNullOrEmpty(customer) && customer != pinned || !config.Customers.TryGetValue(id, out var found))
        {
            return TypedResults.Problem(title: "Unknown customer", detail: $"No customer '{customer ?? id}' in the configuration.", statusCode: StatusCodes.Status404NotFound);
        }

        var zone = config.Calendars.TryGetValue(found.Calendar, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
        var start = ReportPeriod.Parse(from, "from", zone, errors);
        var end = ReportPeriod.Parse(to, "to", zone, errors);
        if (start is { } s && end is { } e && (e <= s || e - s > MaxPeriod))
        {
            errors["to"] = [$"'to' must be after 'from' and at most {MaxPeriod.Days} days later (the rollups' retention)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The availability request is invalid");
        }

        // Everything the monitors published so far counts, up to this very moment.
        await recorder.FlushAsync(untilNow: true, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await AvailabilityReport.ReadAsync(store, config, id, found, start!.Value, end!.Value, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false));
    }
}
