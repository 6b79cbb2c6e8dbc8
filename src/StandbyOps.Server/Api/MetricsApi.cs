using StandbyOps.Metrics;
using StandbyOps.Metrics.TextFormat;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text format 0.0.4, own metrics plus every customer's pushed groups.
/// Staff roles only: pusher and customer tokens are scoped to one customer and would see the others' groups.
/// </summary>
public static class MetricsApi
{
    /// <summary>Maps the route.</summary>
    public static void MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", (MetricsRegistry registry) =>
            TypedResults.Text(TextFormatWriter.Render(registry.Collect()), TextFormatWriter.ContentType))
            .RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Finance)
            .WithTags("Metrics");
    }
}
