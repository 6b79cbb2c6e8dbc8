using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;
using StandbyOps.Configuration.Reading;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.PushRules;

/// <summary>Reads one entry of a system's <c>pushRules:</c>.</summary>
internal static class PushRuleSection
{
    private static readonly string[] Keys = ["job", "metric", "labels", "below", "above", "for", "absentFor", "priority"];

    public static PushRuleConfig? Read(ConfigReader reader, string id, MappingReader.Entry entry, Priority defaultPriority)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"push rule '{id}'", Keys) is not { } rule)
        {
            return null;
        }

        var job = rule.RequiredString("job", "node");
        var metric = rule.TryParse("metric", ParseMetricName, out var name) ? name : null;
        var labels = ReadLabels(rule);
        var below = rule.ParseOptional<double>("below", ParseNumber);
        var above = rule.ParseOptional<double>("above", ParseNumber);
        var absentFor = rule.ParseOptional<Duration>("absentFor", Durations.ParsePositive);
        PushThreshold? threshold = below is { } b ? new PushThreshold(ThresholdDirection.Below, b)
            : above is { } a ? new PushThreshold(ThresholdDirection.Above, a)
            : null;

        if (rule.Has("below") && rule.Has("above"))
        {
            reader.Error(rule.MarkOf("above"), $"{rule.What} has both 'below' and 'above'",
                "keep one threshold per rule; write a second rule for the other side");
        }

        var hasThreshold = rule.Has("below") || rule.Has("above");
        if (hasThreshold && !rule.Has("metric"))
        {
            reader.Error(rule.MarkOf(rule.Has("below") ? "below" : "above"), $"{rule.What} has a threshold but no metric",
                "add metric: <metric name>, e.g. metric: node_filesystem_avail_bytes");
        }
        else if (!hasThreshold && !rule.Has("absentFor"))
        {
            reader.Error(entry.KeyMark, $"{rule.What} checks nothing",
                rule.Has("metric")
                    ? "add below: or above: with the threshold of the metric"
                    : "add metric with below: or above:, or absentFor: 10m to fail when the job stops pushing");
        }

        return new PushRuleConfig(
            id,
            job,
            metric,
            labels,
            threshold,
            rule.Parse("for", Durations.Parse, Duration.Zero),
            absentFor,
            rule.Parse("priority", Priorities.Parse, defaultPriority));
    }

    private static ReadOnlyDictionary<string, string> ReadLabels(MappingReader rule)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (rule.Mapping("labels", $"labels of {rule.What}", allowedKeys: null) is { } map)
        {
            foreach (var label in map.Entries)
            {
                if (label.Key == "job")
                {
                    rule.Reader.Error(label.KeyMark, $"'job' in {map.What} repeats the rule's job",
                        "write the job as job: at the rule's level and remove it from labels");
                }
                else if (!Names.IsLabelName(label.Key))
                {
                    rule.Reader.Error(label.KeyMark, $"invalid label name '{label.Key}' in {map.What}",
                        "label names are letters, digits and '_', not starting with a digit or '__'");
                }

                if (rule.Reader.Scalar(label.Value, label.Key, map.What) is { } value)
                {
                    labels[label.Key] = value.Value;
                }
            }
        }

        return new ReadOnlyDictionary<string, string>(labels);
    }

    private static Parsed<string> ParseMetricName(string text) =>
        Names.IsMetricName(text.Trim())
            ? Parsed.Success(text.Trim())
            : Parsed.Failure<string>("not a Prometheus metric name", "metric names are letters, digits, '_' and ':', not starting with a digit");

    private static Parsed<double> ParseNumber(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? Parsed.Success(value)
            : Parsed.Failure<double>("not a number", "write a number with '.' as the decimal separator, e.g. 1e9, 0.5 or 90");
}
