using System.Globalization;
using NodaTime;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Incidents.Signals;
using StandbyOps.Metrics;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Decides whether a push rule fails at an instant, given only its customer's groups. Pure: the caller keeps the
/// state and delivers the signals.
/// </summary>
/// <remarks>
/// <para>Threshold: among the groups of the rule's job, the samples named <c>metric</c> whose labels include the
/// rule's <c>labels</c>; the rule fails once any of them has been strictly below (or above) the threshold for
/// <c>for</c>, counted from the first evaluation that saw it across. No matching series is not a failure (that is
/// what <c>absentFor</c> is for); NaN never crosses.</para>
/// <para>Absence: the groups of the rule's job whose grouping labels do not contradict the rule's labels (a rule
/// label the key does not name is ignored). The rule fails when any of them was last pushed <c>absentFor</c> or
/// longer ago, or when none has existed for <c>absentFor</c> (a deleted or never-pushed group is absent too).</para>
/// </remarks>
public static class PushRuleEvaluator
{
    /// <summary>Evaluates <paramref name="rule"/> at <paramref name="now"/>.</summary>
    public static PushRuleOutcome Evaluate(PushRule rule, IReadOnlyCollection<PushGroup> groups, PushRuleState? state, Instant now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(groups);
        state ??= PushRuleState.Initial(rule);
        var config = rule.Config;
        var jobGroups = groups.Where(g => g.Customer == rule.Customer && g.Key.Job == config.Job).ToList();

        Instant? thresholdSince = null;
        string? thresholdReason = null;
        var thresholdFiring = false;
        if (config.Threshold is { } threshold && config.Metric is { } metric)
        {
            var crossing = CrossingSeries(jobGroups, metric, config.Labels, threshold);
            if (crossing.Count > 0)
            {
                thresholdSince = state.ThresholdSince ?? now;
                thresholdFiring = now - thresholdSince.Value >= config.For;
                var more = crossing.Count > 1 ? $" (and {crossing.Count - 1} more series)" : string.Empty;
                thresholdReason = $"{crossing[0].Name}{crossing[0].Labels} = {GoFloat.Format(crossing[0].Value)} is {Side(threshold)} " +
                    $"{GoFloat.Format(threshold.Value)} since {Text(thresholdSince.Value)}{more}";
            }
        }

        Instant? missingSince = null;
        string? absentReason = null;
        var absentFiring = false;
        if (config.AbsentFor is { } absentFor)
        {
            var watched = jobGroups.Where(g => KeyAllows(g.Key, config.Labels)).ToList();
            if (watched.Count == 0)
            {
                missingSince = state.MissingSince ?? now;
                absentFiring = now - missingSince.Value >= absentFor;
                absentReason = $"no group of job '{config.Job}' has been pushed since {Text(missingSince.Value)}";
            }
            else if (watched.Where(g => now - g.PushedAt >= absentFor).OrderBy(g => g.PushedAt).FirstOrDefault() is { } stale)
            {
                absentFiring = true;
                absentReason = $"group {stale.Key} was last pushed at {Text(stale.PushedAt)}, {Span(absentFor)} or more ago";
            }
        }

        var failing = thresholdFiring || absentFiring;
        var next = state with { ThresholdSince = thresholdSince, MissingSince = missingSince, Firing = failing };
        if (failing == state.Firing)
        {
            return new PushRuleOutcome(rule, next, null, null);
        }

        if (failing)
        {
            var reason = thresholdFiring ? thresholdReason! : absentReason!;
            return new PushRuleOutcome(rule, next, new FailureSignal(
                rule.Customer, rule.System, SignalSource.Push, rule.DedupKey, rule.Priority, Title(config), reason, now), null);
        }

        return new PushRuleOutcome(rule, next, null, new RecoverySignal(
            rule.Customer, rule.System, SignalSource.Push, rule.DedupKey, RecoveryReason(config), now));
    }

    /// <summary>The incident title: the rule and its condition, e.g. <c>disk-free: node_filesystem_avail_bytes below 1e+09 for 5m</c>.</summary>
    public static string Title(PushRuleConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var parts = new List<string>(2);
        if (config.Threshold is { } threshold)
        {
            var held = config.For > Duration.Zero ? $" for {Span(config.For)}" : string.Empty;
            parts.Add($"{config.Metric} {Side(threshold)} {GoFloat.Format(threshold.Value)}{held}");
        }

        if (config.AbsentFor is { } absentFor)
        {
            parts.Add($"job '{config.Job}' not pushed for {Span(absentFor)}");
        }

        return $"{config.Id}: {string.Join(" or ", parts)}";
    }

    private static List<MetricSample> CrossingSeries(List<PushGroup> groups, string metric, IReadOnlyDictionary<string, string> labels, PushThreshold threshold)
    {
        var crossing = new List<MetricSample>();
        foreach (var group in groups)
        {
            foreach (var family in group.Families)
            {
                if (!metric.StartsWith(family.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var sample in family.Samples)
                {
                    if (sample.Name == metric && HasLabels(sample.Labels, labels) && Crosses(sample.Value, threshold))
                    {
                        crossing.Add(sample);
                    }
                }
            }
        }

        return crossing;
    }

    private static bool Crosses(double value, PushThreshold threshold) =>
        threshold.Direction == ThresholdDirection.Below ? value < threshold.Value : value > threshold.Value;

    private static bool HasLabels(LabelSet labels, IReadOnlyDictionary<string, string> wanted)
    {
        foreach (var (name, value) in wanted)
        {
            if ((labels.Get(name) ?? string.Empty) != value)
            {
                return false;
            }
        }

        return true;
    }

    private static bool KeyAllows(GroupingKey key, IReadOnlyDictionary<string, string> wanted)
    {
        foreach (var (name, value) in wanted)
        {
            if (key.Get(name) is { } actual && actual != value)
            {
                return false;
            }
        }

        return true;
    }

    private static string RecoveryReason(PushRuleConfig config)
    {
        var parts = new List<string>(2);
        if (config.Threshold is { } threshold)
        {
            parts.Add($"no {config.Metric} series is {Side(threshold)} {GoFloat.Format(threshold.Value)} any more");
        }

        if (config.AbsentFor is { } absentFor)
        {
            parts.Add($"every group of job '{config.Job}' was pushed within {Span(absentFor)}");
        }

        return string.Join(" and ", parts);
    }

    private static string Side(PushThreshold threshold) => threshold.Direction == ThresholdDirection.Below ? "below" : "above";

    private static string Text(Instant instant) => instant.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration as the configuration writes it: <c>90s</c>, <c>5m</c>, <c>4h</c>.</summary>
    internal static string Span(Duration duration)
    {
        var seconds = (long)duration.TotalSeconds;
        return seconds % 3600 == 0 && seconds > 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 && seconds > 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }
}
