using System.Globalization;
using System.Text;

namespace StandbyOps.Metrics.TextFormat;

/// <summary>Writes families in the Prometheus text exposition format 0.0.4, the way Go's <c>expfmt</c> does.</summary>
/// <remarks>
/// Families are written in the order given and are expected to be merged already (one family per name),
/// as <see cref="MetricFamilyMerger.Merge"/> returns them.
/// Families without samples are skipped, since a TYPE line without samples says nothing.
/// </remarks>
public static class TextFormatWriter
{
    /// <summary>The Content-Type of a 0.0.4 exposition, as Go's <c>expfmt.FmtText</c> sends it.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The families as one text-format document.</summary>
    public static string Render(IEnumerable<MetricFamily> families)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, families);
        return writer.ToString();
    }

    /// <summary>Writes the families to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(families);
        var line = new StringBuilder(256);
        foreach (var family in families)
        {
            if (family.Samples.Count == 0)
            {
                continue;
            }

            line.Clear();
            if (family.Help is not null)
            {
                line.Append("# HELP ").Append(family.Name).Append(' ');
                AppendEscapedHelp(line, family.Help);
                line.Append('\n');
            }

            line.Append("# TYPE ").Append(family.Name).Append(' ').Append(MetricTypeNames.Of(family.Type)).Append('\n');
            writer.Write(line);

            var trailingLabel = family.Type switch
            {
                MetricType.Histogram => MetricNames.BucketLabel,
                MetricType.Summary => MetricNames.QuantileLabel,
                _ => null,
            };
            foreach (var sample in family.Samples)
            {
                line.Clear();
                AppendSample(line, sample, trailingLabel);
                writer.Write(line);
            }
        }
    }

    /// <summary>Escapes a label value: backslash, double quote and newline.</summary>
    internal static void AppendEscapedLabelValue(StringBuilder builder, string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            builder.Append(value);
            return;
        }

        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append(@"\n"),
                _ => builder.Append(c),
            };
        }
    }

    /// <summary>Escapes HELP text: only backslash and newline, as Go's writer does.</summary>
    private static void AppendEscapedHelp(StringBuilder builder, string help)
    {
        if (help.AsSpan().IndexOfAny('\\', '\n') < 0)
        {
            builder.Append(help);
            return;
        }

        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                _ => builder.Append(c),
            };
        }
    }

    private static void AppendSample(StringBuilder line, MetricSample sample, string? trailingLabel)
    {
        line.Append(sample.Name);
        if (sample.Labels.Count > 0)
        {
            // Go writes le/quantile after the other labels; the rest stay in (sorted) label order.
            line.Append('{');
            var first = true;
            string? trailingValue = null;
            foreach (var label in sample.Labels)
            {
                if (label.Name == trailingLabel)
                {
                    trailingValue = label.Value;
                    continue;
                }

                AppendLabel(line, label.Name, label.Value, ref first);
            }

            if (trailingValue is not null)
            {
                AppendLabel(line, trailingLabel!, trailingValue, ref first);
            }

            line.Append('}');
        }

        line.Append(' ');
        Span<char> number = stackalloc char[GoFloat.MaxLength];
        var length = GoFloat.Format(sample.Value, number);
        line.Append(number[..length]);
        if (sample.TimestampMs is { } timestamp)
        {
            line.Append(' ').Append(timestamp);
        }

        line.Append('\n');
    }

    private static void AppendLabel(StringBuilder line, string name, string value, ref bool first)
    {
        if (!first)
        {
            line.Append(',');
        }

        first = false;
        line.Append(name).Append("=\"");
        AppendEscapedLabelValue(line, value);
        line.Append('"');
    }
}
