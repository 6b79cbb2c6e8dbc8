using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Monitoring.Heartbeats;

namespace StandbyOps.Server.Api;

/// <summary>
/// Healthchecks-style heartbeat URLs: <c>HEAD|GET|POST /ping/{token}</c>, <c>/start</c>, <c>/fail</c>
/// and <c>/{exitCode}</c>. No API token: the secret token in the path is the credential.
/// </summary>
public static class PingApi
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST"];

    /// <summary>Maps the routes.</summary>
    public static void MapPingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/ping/{token}", Methods, (string token, HeartbeatPings pings, CancellationToken ct) => PingAsync(token, null, pings, ct))
            .AllowAnonymous().WithTags("Heartbeats");
        routes.MapMethods("/ping/{token}/{suffix}", Methods, (string token, string suffix, HeartbeatPings pings, CancellationToken ct) => PingAsync(token, suffix, pings, ct))
            .AllowAnonymous().WithTags("Heartbeats");
    }

    private static async Task<Results<Ok<string>, NotFound<string>, BadRequest<string>>> PingAsync(string token, string? suffix, HeartbeatPings pings, CancellationToken cancellationToken)
    {
        if (!HeartbeatPings.TryParseSuffix(suffix, out var kind))
        {
            return TypedResults.BadRequest($"'{suffix}' is not a ping suffix: use /start, /fail or an exit code 0-255.");
        }

        return await pings.PingAsync(token, kind, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Ok("OK")
            : TypedResults.NotFound("not found: no heartbeat has this token");
    }
}
