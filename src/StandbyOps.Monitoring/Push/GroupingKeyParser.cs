using System.Text;
using StandbyOps.Metrics;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Reads the grouping key from a Pushgateway push path, as <c>handler/push.go</c> does: <c>job/&lt;JOB&gt;</c> or
/// <c>job@base64/&lt;B64&gt;</c>, then <c>/&lt;LABEL&gt;/&lt;VALUE&gt;</c> pairs, where <c>&lt;LABEL&gt;@base64</c>
/// marks a URL-safe base64 value (padding optional, a lone <c>=</c> is the empty value).
/// </summary>
/// <remarks>
/// The path is the percent-decoded part after <c>/metrics/</c>, so an encoded <c>%2F</c> in a value splits it
/// as in Go; use <c>@base64</c> for values with a slash. A label given twice keeps its last value, and the
/// job segment wins over a <c>job</c> label, as in the Pushgateway. Errors carry the Pushgateway's messages.
/// </remarks>
public static class GroupingKeyParser
{
    /// <summary>Marks a base64-encoded job or label value.</summary>
    public const string Base64Suffix = "@base64";

    private const string JobSegment = GroupingKey.JobLabel;
    private const string Base64JobSegment = GroupingKey.JobLabel + Base64Suffix;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="path"/>, e.g. <c>job/node/instance@base64/aG9zdC0x</c>.</summary>
    /// <exception cref="PushRejectedException">The path names no job, has an odd number of label segments, an improper label name or bad base64.</exception>
    public static GroupingKey Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? path : path[..slash];
        var isBase64Job = first == Base64JobSegment;
        if (!isBase64Job && first != JobSegment)
        {
            throw new PushRejectedException($"push paths are /metrics/job/<JOB>{{/<LABEL>/<VALUE>}}, not /metrics/{path}");
        }

        var rest = slash < 0 ? string.Empty : path[(slash + 1)..];
        var jobEnd = rest.IndexOf('/', StringComparison.Ordinal);
        var job = jobEnd < 0 ? rest : rest[..jobEnd];
        var labels = jobEnd < 0 ? string.Empty : rest[jobEnd..];
        if (isBase64Job)
        {
            if (!TryDecodeBase64(job, out var decoded, out var error))
            {
                throw new PushRejectedException($"invalid base64 encoding in job name \"{job}\": {error}");
            }

            job = decoded;
        }

        if (job.Length == 0)
        {
            throw new PushRejectedException("job name is required");
        }

        EnsureNoNul(job, "job name");

        var pairs = SplitLabels(labels);
        pairs[GroupingKey.JobLabel] = job;
        return new GroupingKey(pairs.Select(p => new Label(p.Key, p.Value)));
    }

    /// <summary>The <c>/&lt;LABEL&gt;/&lt;VALUE&gt;</c> pairs after the job; <paramref name="labels"/> starts with a slash or is empty.</summary>
    private static Dictionary<string, string> SplitLabels(string labels)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels.Length <= 1)
        {
            return result;
        }

        var components = labels.Split('/');
        if (components.Length % 2 == 0)
        {
            throw new PushRejectedException($"odd number of components in label string \"{labels}\"");
        }

        for (var i = 1; i < components.Length - 1; i += 2)
        {
            var name = components[i];
            var value = components[i + 1];
            var isBase64 = name.EndsWith(Base64Suffix, StringComparison.Ordinal);
            var trimmed = isBase64 ? name[..^Base64Suffix.Length] : name;
            if (!MetricNames.IsValidLabelName(trimmed) || MetricNames.IsReservedLabelName(trimmed))
            {
                throw new PushRejectedException($"improper label name \"{trimmed}\"");
            }

            if (trimmed == GroupingKey.CustomerLabel)
            {
                throw new PushRejectedException(
                    $"label name \"{GroupingKey.CustomerLabel}\" is reserved: StandbyOps sets it from the pushing token's customer");
            }

            if (trimmed is MetricNames.BucketLabel or MetricNames.QuantileLabel)
            {
                throw new PushRejectedException(
                    $"label name \"{trimmed}\" is reserved for histogram buckets and summary quantiles and cannot be a grouping label");
            }

            if (isBase64)
            {
                if (!TryDecodeBase64(value, out var decoded, out var error))
                {
                    throw new PushRejectedException($"invalid base64 encoding for label {trimmed}=\"{value}\": {error}");
                }

                value = decoded;
            }

            EnsureNoNul(value, $"value of label {trimmed}");
            result[trimmed] = value;
        }

        return result;
    }

    /// <summary>
    /// Percent-decodes a raw request path strictly: the decoded bytes must be UTF-8, so that a <c>%FF</c> is refused rather
    /// than kept as literal text (what <see cref="Uri.UnescapeDataString(string)"/> does). A <c>%</c> not followed by two hex
    /// digits stays as it is.
    /// </summary>
    /// <exception cref="PushRejectedException">The decoded path is not valid UTF-8.</exception>
    public static string PercentDecode(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.IndexOf('%', StringComparison.Ordinal) < 0)
        {
            return raw;
        }

        var bytes = new List<byte>(raw.Length);
        Span<byte> encoded = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%' && i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
            {
                bytes.Add((byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2])));
                i += 2;
            }
            else if (char.IsAscii(c))
            {
                bytes.Add((byte)c);
            }
            else
            {
                var rune = char.IsHighSurrogate(c) && i + 1 < raw.Length ? new Rune(c, raw[++i]) : new Rune(c);
                bytes.AddRange(encoded[..rune.EncodeToUtf8(encoded)]);
            }
        }

        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException e)
        {
            throw new PushRejectedException($"the push path is not valid UTF-8 once percent-decoded (byte {e.Index} of \"{raw}\")");
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void EnsureNoNul(string value, string what)
    {
        var nul = value.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new PushRejectedException($"the {what} in the push path contains a NUL byte (U+0000) at character {nul + 1}");
        }
    }

    /// <summary>Go's <c>base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))</c>, decoded as UTF-8.</summary>
    internal static bool TryDecodeBase64(string text, out string value, out string error)
    {
        var input = text.AsSpan().TrimEnd('=');
        value = string.Empty;
        error = string.Empty;
        if (input.Length % 4 == 1)
        {
            error = $"illegal base64 data at input byte {input.Length - 1}";
            return false;
        }

        var bytes = new byte[input.Length * 3 / 4];
        var written = 0;
        var buffer = 0;
        var bits = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var sextet = Sextet(input[i]);
            if (sextet < 0)
            {
                error = $"illegal base64 data at input byte {i}";
                return false;
            }

            buffer = (buffer << 6) | sextet;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        try
        {
            value = StrictUtf8.GetString(bytes, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = "the decoded value is not valid UTF-8";
            return false;
        }
    }

    private static int Sextet(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
