using StandbyOps.Metrics;
using StandbyOps.Metrics.Exposition;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Exposes the pushed groups on <c>/metrics</c>: every group's series (grouping labels and <c>customer</c> applied)
/// plus <c>push_time_seconds</c> and <c>push_failure_time_seconds</c> per group, one family per name.
/// </summary>
/// <remarks>
/// Pushes are checked for consistency per customer only, so that one customer cannot block another's pushes. Two
/// customers may therefore push one name with two types, which one exposition cannot hold: the type of the
/// earliest-created group wins and the other customer's families of that name are left out of the scrape (and
/// counted in <c>standbyops_push_hidden_families</c>). Families without HELP get a generic one, so the scrape
/// stays <c>promtool check metrics</c> clean.
/// <para>
/// The groups are rendered to text once per change of the store (<see cref="PushGroupStore.Version"/>) and that one
/// rendering is shared by every scrape until the next change; scrapes that arrive while it is being built wait for it
/// instead of building their own. A scrape therefore costs no allocation in proportion to the pushed groups. Before
/// that, each scrape brings the copy up to the store (<see cref="PushGroupStore.SyncAsync(CancellationToken)"/>), so every
/// node of a cluster exposes the groups pushed to any node.
/// </para>
/// </remarks>
public sealed class PushedMetricsSource(PushGroupStore store) : IMetricsSource, IDisposable
{
    /// <summary>The HELP of pushed families that came without one.</summary>
    public const string DefaultHelp = "Metric pushed through the Pushgateway API without HELP text.";

    /// <summary>The gauge counting families left out because another customer pushes the name with another type.</summary>
    public const string HiddenFamiliesMetric = "standbyops_push_hidden_families";

    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];
    private static readonly string[] SummarySuffixes = ["_sum", "_count"];

    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot _current = new(-1, RenderedFamilies.Empty);
    private long _renders;

    /// <summary>How many times the groups were rendered (once per store change that a scrape saw).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <inheritdoc/>
    public async ValueTask<RenderedFamilies> SnapshotAsync(CancellationToken cancellationToken)
    {
        // Another node sharing the store may have changed groups since: one small query finds out.
        await store.SyncAsync(cancellationToken).ConfigureAwait(false);
        var version = store.Version;
        var current = Volatile.Read(ref _current);
        if (current.Version >= version)
        {
            return current.Families;
        }

        await _building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate may have rendered a version at least as new as the one this scrape saw.
            current = _current;
            if (current.Version >= version)
            {
                return current.Families;
            }

            var latest = store.Version;
            var families = new List<MetricFamily>();
            Collect(families);
            var rendered = RenderedFamilies.Render(families);
            Interlocked.Increment(ref _renders);
            Volatile.Write(ref _current, new Snapshot(latest, rendered));
            return rendered;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _building.Dispose();

    private void Collect(List<MetricFamily> families)
    {
        var groups = store.All().ToList();
        if (groups.Count == 0)
        {
            return;
        }

        groups.Sort(static (a, b) =>
        {
            var byCreation = a.CreatedAt.CompareTo(b.CreatedAt);
            if (byCreation != 0)
            {
                return byCreation;
            }

            var byCustomer = string.CompareOrdinal(a.Customer, b.Customer);
            return byCustomer != 0 ? byCustomer : a.Key.Labels.CompareTo(b.Key.Labels);
        });

        var byName = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var hidden = new Dictionary<string, int>(StringComparer.Ordinal);
        var pushTimes = new List<MetricSample>(groups.Count);
        var failureTimes = new List<MetricSample>(groups.Count);
        foreach (var group in groups)
        {
            var labels = group.SeriesLabels;
            pushTimes.Add(new MetricSample(PushBody.PushTimeMetric, labels, UnixSeconds(group.PushedAt)));
            failureTimes.Add(new MetricSample(PushBody.PushFailureTimeMetric, labels, group.FailedAt is { } failed ? UnixSeconds(failed) : 0));
            foreach (var family in group.Families)
            {
                if (!Fits(family, byName))
                {
                    hidden[group.Customer] = hidden.GetValueOrDefault(group.Customer) + 1;
                    continue;
                }

                if (!byName.TryGetValue(family.Name, out var accumulator))
                {
                    byName[family.Name] = accumulator = new Accumulator(family.Type);
                }

                accumulator.Help ??= family.Help;
                accumulator.Samples.AddRange(family.Samples);
            }
        }

        foreach (var (name, accumulator) in byName)
        {
            families.Add(new MetricFamily(name, accumulator.Help ?? DefaultHelp, accumulator.Type, accumulator.Samples));
        }

        families.Add(new MetricFamily(PushBody.PushTimeMetric, "Last Unix time when changing this group through the Pushgateway API succeeded.", MetricType.Gauge, pushTimes));
        families.Add(new MetricFamily(PushBody.PushFailureTimeMetric, "Last Unix time when changing this group through the Pushgateway API failed.", MetricType.Gauge, failureTimes));
        if (hidden.Count > 0)
        {
            families.Add(new MetricFamily(
                HiddenFamiliesMetric,
                "Pushed families left out of the scrape because another customer pushes the same name with another type.",
                MetricType.Gauge,
                [.. hidden.Select(h => new MetricSample(HiddenFamiliesMetric, LabelSet.Of((GroupingKey.CustomerLabel, h.Key)), h.Value))]));
        }
    }

    private static bool Fits(MetricFamily family, Dictionary<string, Accumulator> accepted)
    {
        if (accepted.TryGetValue(family.Name, out var existing))
        {
            return existing.Type == family.Type;
        }

        foreach (var suffix in SuffixesOf(family.Type))
        {
            if (accepted.ContainsKey(family.Name + suffix))
            {
                return false;
            }
        }

        foreach (var suffix in HistogramSuffixes)
        {
            if (family.Name.EndsWith(suffix, StringComparison.Ordinal)
                && accepted.TryGetValue(family.Name[..^suffix.Length], out var parent)
                && SuffixesOf(parent.Type).Contains(suffix))
            {
                return false;
            }
        }

        return family.Name is not (PushBody.PushTimeMetric or PushBody.PushFailureTimeMetric);
    }

    private static string[] SuffixesOf(MetricType type) => type switch
    {
        MetricType.Histogram => HistogramSuffixes,
        MetricType.Summary => SummarySuffixes,
        _ => [],
    };

    private static double UnixSeconds(NodaTime.Instant instant) => instant.ToUnixTimeTicks() / (double)NodaTime.NodaConstants.TicksPerSecond;

    private sealed record Snapshot(long Version, RenderedFamilies Families);

    private sealed class Accumulator(MetricType type)
    {
        public MetricType Type { get; } = type;

        public string? Help { get; set; }

        public List<MetricSample> Samples { get; } = [];
    }
}
