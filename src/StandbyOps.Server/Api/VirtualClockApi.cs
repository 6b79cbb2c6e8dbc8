using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>/api/v1/admin/clock</c>: exists only when the server runs on virtual time
/// (<c>STANDBYOPS_VIRTUAL_TIME</c>), so end-to-end tests can run 30 minutes of escalation in
/// milliseconds against the real process. Never mapped on the system clock.
/// </summary>
public static class VirtualClockApi
{
    /// <summary>The variable that starts the server on virtual time at the given ISO-8601 instant.</summary>
    public const string Variable = "STANDBYOPS_VIRTUAL_TIME";

    /// <summary>Move the clock forward by <see cref="Seconds"/> or to <see cref="To"/>.</summary>
    public sealed record AdvanceRequest(double? Seconds, Instant? To);

    /// <summary>The clock's reading.</summary>
    public sealed record ClockResponse(Instant Now, bool Virtual);

    /// <summary>Maps the routes when <paramref name="time"/> is virtual.</summary>
    public static void MapVirtualClockApi(this IEndpointRouteBuilder routes, VirtualClock time)
    {
        var group = routes.MapGroup("/api/v1/admin/clock").WithTags("Virtual clock").RequireRoles(TokenRole.Admin);
        group.MapGet("/", () => TypedResults.Ok(new ClockResponse(time.Now, true)));
        group.MapPost("/advance", Results<Ok<ClockResponse>, ValidationProblem> (AdvanceRequest request) =>
        {
            if ((request.Seconds is null) == (request.To is null))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["seconds"] = ["Give exactly one of 'seconds' (> 0) or 'to' (an instant after now)."] });
            }

            var target = request.To ?? time.Now + Duration.FromSeconds(request.Seconds!.Value);
            if (target < time.Now || request.Seconds <= 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"Time only moves forward; now is {time.Now}."] });
            }

            time.AdvanceTo(target);
            return TypedResults.Ok(new ClockResponse(time.Now, true));
        });
    }
}
