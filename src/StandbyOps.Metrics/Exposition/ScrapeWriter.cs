using System.Text;
using Prometheus;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Exposition;

/// <summary>
/// Writes one scrape: the server's own families, collected from a prometheus-net <see cref="CollectorRegistry"/>, beside
/// ready-rendered families of other sources, one family per name, ordered by name.
/// </summary>
/// <remarks>
/// A source's family whose name nothing else exposes is written as the bytes the source rendered, so a scrape allocates
/// in proportion to the server's own metrics, not to the (possibly large) pushed groups. A name exposed by several
/// producers is merged as <see cref="MetricFamilyMerger.Merge"/> does (HELP and TYPE once); when they disagree on the type
/// or repeat a series, the server's own family (or else the first source's) is written and the others are left out.
/// </remarks>
public static class ScrapeWriter
{
    /// <summary>The most a scrape hands the output stream at once.</summary>
    private const int ChunkBytes = 16 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Collects the families of <paramref name="registry"/> (its collectors and callbacks run), merged and ordered by name.</summary>
    public static async Task<IReadOnlyList<MetricFamily>> CollectAsync(CollectorRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        using var buffer = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(buffer, cancellationToken).ConfigureAwait(false);
        var text = Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return MetricFamilyMerger.Merge(TextFormatParser.Parse(text));
    }

    /// <summary>Writes <paramref name="own"/> (ordered by name, as <see cref="CollectAsync"/> returns them) and every family of <paramref name="sources"/>.</summary>
    /// <returns>The number of source families left out because they conflict with another producer's family of the same name.</returns>
    public static async Task<int> WriteAsync(
        IReadOnlyList<MetricFamily> own,
        IReadOnlyList<RenderedFamilies> sources,
        Stream output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(output);
        var cursors = new int[sources.Count];
        var ownIndex = 0;
        var left = 0;
        var contributors = new List<MetricFamily>();
        while (NextName(own, ownIndex, sources, cursors) is { } name)
        {
            contributors.Clear();
            RenderedFamily? single = null;
            if (ownIndex < own.Count && own[ownIndex].Name == name)
            {
                contributors.Add(own[ownIndex++]);
            }

            for (var i = 0; i < sources.Count; i++)
            {
                var families = sources[i].Families;
                if (cursors[i] < families.Count && families[cursors[i]].Family.Name == name)
                {
                    single = families[cursors[i]++];
                    contributors.Add(single.Family);
                }
            }

            if (contributors.Count == 1 && single is not null)
            {
                // In slices: a response stream copies what one write hands it into its own buffers before it waits for
                // the client, so one write of a large family would buffer the whole family per concurrent scrape.
                for (var offset = 0; offset < single.Text.Length; offset += ChunkBytes)
                {
                    var chunk = single.Text.Slice(offset, Math.Min(ChunkBytes, single.Text.Length - offset));
                    await output.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            IReadOnlyList<MetricFamily> merged;
            try
            {
                merged = MetricFamilyMerger.Merge(contributors);
            }
            catch (MetricsConflictException)
            {
                merged = [contributors[0]];
                left += contributors.Count - 1;
            }

            await output.WriteAsync(Utf8.GetBytes(TextFormatWriter.Render(merged)), cancellationToken).ConfigureAwait(false);
        }

        return left;
    }

    private static string? NextName(IReadOnlyList<MetricFamily> own, int ownIndex, IReadOnlyList<RenderedFamilies> sources, int[] cursors)
    {
        string? next = ownIndex < own.Count ? own[ownIndex].Name : null;
        for (var i = 0; i < sources.Count; i++)
        {
            var families = sources[i].Families;
            if (cursors[i] < families.Count)
            {
                var name = families[cursors[i]].Family.Name;
                if (next is null || string.CompareOrdinal(name, next) < 0)
                {
                    next = name;
                }
            }
        }

        return next;
    }
}
