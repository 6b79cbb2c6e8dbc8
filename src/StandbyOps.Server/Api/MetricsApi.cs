using Prometheus;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Metrics.TextFormat;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Metrics;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text format 0.0.4, the server's own prometheus-net registry (including the process
/// and .NET runtime collectors) plus every customer's pushed groups, rendered once per change and shared by all scrapes.
/// Staff roles only: pusher and customer tokens are scoped to one customer and would see the others' groups.
/// </summary>
public static class MetricsApi
{
    /// <summary>Maps the route.</summary>
    public static void MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", WriteScrapeAsync)
            .RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Finance)
            .WithTags("Metrics");
    }

    private static async Task WriteScrapeAsync(HttpContext context, CollectorRegistry registry, IEnumerable<IMetricsSource> sources, ScrapeBursts bursts)
    {
        var cancellation = context.RequestAborted;
        long written = 0;
        bursts.Started();
        try
        {
            var own = await ScrapeWriter.CollectAsync(registry, cancellation);
            var snapshots = new List<RenderedFamilies>();
            foreach (var source in sources)
            {
                snapshots.Add(await source.SnapshotAsync(cancellation));
            }

            written = snapshots.Sum(s => s.ByteCount);
            context.Response.ContentType = TextFormatWriter.ContentType;
            await ScrapeWriter.WriteAsync(own, snapshots, context.Response.Body, cancellation);
        }
        finally
        {
            bursts.Ended(written);
        }
    }
}
