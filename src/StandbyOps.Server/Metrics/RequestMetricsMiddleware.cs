using System.Globalization;

namespace StandbyOps.Server.Metrics;

/// <summary>Counts answered requests by method, route template (never the raw path: bounded cardinality) and status.</summary>
public sealed class RequestMetricsMiddleware(RequestDelegate next, ServerMetrics metrics)
{
    /// <summary>Runs the rest of the pipeline and counts the response.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.HttpRequests.WithLabels(context.Request.Method, route, context.Response.StatusCode.ToString(CultureInfo.InvariantCulture)).Inc();
        }
    }
}
