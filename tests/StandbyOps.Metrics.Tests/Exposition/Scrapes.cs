using System.Text;
using Prometheus;
using StandbyOps.Metrics.Exposition;

namespace StandbyOps.Metrics.Tests.Exposition;

/// <summary>Runs a scrape the way <c>GET /metrics</c> does and returns its text.</summary>
internal static class Scrapes
{
    public static CollectorRegistry NewRegistry() => Prometheus.Metrics.NewCustomRegistry();

    public static MetricFactory Factory(CollectorRegistry registry) => Prometheus.Metrics.WithCustomRegistry(registry);

    public static async Task<string> TextAsync(CollectorRegistry registry, params RenderedFamilies[] sources)
    {
        var own = await ScrapeWriter.CollectAsync(registry, CancellationToken.None);
        using var output = new MemoryStream();
        await ScrapeWriter.WriteAsync(own, sources, output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
