using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;

namespace StandbyOps.Server.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (store reachable and writable, actors running). No token: orchestrators probe these.</summary>
public static class HealthApi
{
    /// <summary>The readiness body; <see cref="StoreWritable"/> is false while the store is full.</summary>
    public sealed record Readiness(string Status, bool Store, bool StoreWritable, bool Actors);

    /// <summary>Maps the routes.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).AllowAnonymous().WithTags("Health");
        routes.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
    }

    private static async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> ReadyAsync(IDatabase database, RuntimeState runtime, CancellationToken cancellationToken)
    {
        var store = await database.IsReachableAsync(cancellationToken).ConfigureAwait(false);
        var writable = store && await database.IsWritableAsync(cancellationToken).ConfigureAwait(false);
        var actors = runtime.ActorsRunning;
        var ready = store && writable && actors;
        var readiness = new Readiness(ready ? "ready" : "not ready", store, writable, actors);
        return ready
            ? TypedResults.Ok(readiness)
            : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
