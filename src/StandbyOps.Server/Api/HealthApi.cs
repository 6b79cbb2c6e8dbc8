using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Server.Cluster;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;

namespace StandbyOps.Server.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (store reachable and writable, actors running, and in multi-node mode an Up cluster member). No token: orchestrators probe these.</summary>
public static class HealthApi
{
    /// <summary>
    /// The readiness body; <see cref="StoreWritable"/> is false while the store is full; <see cref="Cluster"/> is this
    /// node's membership in multi-node mode (null on a single node), and a node is ready only once it is an Up member.
    /// </summary>
    public sealed record Readiness(string Status, bool Store, bool StoreWritable, bool Actors, ClusterSnapshot? Cluster);

    /// <summary>Maps the routes.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).AllowAnonymous().WithTags("Health");
        routes.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
    }

    private static async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> ReadyAsync(IDatabase database, RuntimeState runtime, ClusterView cluster, CancellationToken cancellationToken)
    {
        var store = await database.IsReachableAsync(cancellationToken).ConfigureAwait(false);
        var writable = store && await database.IsWritableAsync(cancellationToken).ConfigureAwait(false);
        var actors = runtime.ActorsRunning;
        var membership = cluster.Current;
        var ready = store && writable && actors && (membership?.IsUp ?? true);
        var readiness = new Readiness(ready ? "ready" : "not ready", store, writable, actors, membership);
        return ready
            ? TypedResults.Ok(readiness)
            : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
