using System.Text;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Exposition;

/// <summary>
/// Families rendered to text once and shared by every scrape that reads them, so that concurrent scrapes of a large
/// exposition write the same bytes instead of building their own copy.
/// </summary>
public sealed class RenderedFamilies
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private RenderedFamilies(IReadOnlyList<RenderedFamily> families, long byteCount)
    {
        Families = families;
        ByteCount = byteCount;
    }

    /// <summary>No families.</summary>
    public static RenderedFamilies Empty { get; } = new([], 0);

    /// <summary>The families, ordered by name, one per name.</summary>
    public IReadOnlyList<RenderedFamily> Families { get; }

    /// <summary>The size of all rendered families together.</summary>
    public long ByteCount { get; }

    /// <summary>Merges <paramref name="families"/> (see <see cref="MetricFamilyMerger.Merge"/>) and renders each merged family.</summary>
    /// <exception cref="MetricsConflictException">The families cannot be merged into one exposition.</exception>
    public static RenderedFamilies Render(IEnumerable<MetricFamily> families)
    {
        var merged = MetricFamilyMerger.Merge(families);
        var rendered = new RenderedFamily[merged.Count];
        long bytes = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            var text = Utf8.GetBytes(TextFormatWriter.Render([merged[i]]));
            rendered[i] = new RenderedFamily(merged[i], text);
            bytes += text.Length;
        }

        return new RenderedFamilies(rendered, bytes);
    }
}
