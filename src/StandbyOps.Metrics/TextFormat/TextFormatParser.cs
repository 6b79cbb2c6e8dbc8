using System.Globalization;
using System.Text;

namespace StandbyOps.Metrics.TextFormat;

/// <summary>A strict parser for text exposition format 0.0.4 bodies, such as those pushed to the Pushgateway API.</summary>
/// <remarks>
/// Follows Go's <c>expfmt</c> text parser (which the Pushgateway uses) and adds the rules it leaves to the scraper:
/// families must be contiguous, series unique, histogram buckets ordered with a <c>+Inf</c> bucket equal to
/// <c>_count</c>, and carriage returns are rejected anywhere. Label names with the reserved <c>__</c> prefix
/// and the Prometheus 3 quoted-name syntax are rejected. Any problem is a <see cref="TextFormatException"/>.
/// </remarks>
public sealed class TextFormatParser
{
    private readonly string _text;
    private readonly List<ParsedFamily> _families = [];
    private readonly Dictionary<string, ParsedFamily> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParsedFamily>.AlternateLookup<ReadOnlySpan<char>> _byNameLookup;
    private readonly HashSet<string> _labelNames = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _labelNameLookup;
    private readonly List<ParsedLabel> _labels = [];
    private ParsedFamily? _current;
    private int _line;
    private int _lineStart;
    private int _lineEnd;
    private int _pos;

    private TextFormatParser(string text)
    {
        _text = text;
        _byNameLookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _labelNameLookup = _labelNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private bool AtEnd => _pos >= _lineEnd;

    /// <summary>Parses a whole body into families in order of first appearance; an empty body has none.</summary>
    /// <exception cref="TextFormatException">The body is not valid 0.0.4 text format.</exception>
    public static IReadOnlyList<MetricFamily> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextFormatParser(text).Run();
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>Says whether <paramref name="index"/> falls in a HELP text, a quoted label value or elsewhere on its line.</summary>
    private string Where(int index)
    {
        var line = _text.AsSpan(_lineStart, _lineEnd - _lineStart);
        var offset = index - _lineStart;
        if (line.StartsWith("# HELP ", StringComparison.Ordinal))
        {
            return " in HELP text";
        }

        var quotes = line[..offset].Count('"') - line[..offset].Count("\\\"");
        return quotes % 2 == 1 ? " in a label value" : string.Empty;
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
            ? $"U+{(int)c:X4}"
            : $"'{c}'";

    private List<MetricFamily> Run()
    {
        var firstCarriageReturn = _text.IndexOf('\r', StringComparison.Ordinal);
        var firstNul = _text.IndexOf('\0', StringComparison.Ordinal);
        _line = 1;
        while (_pos < _text.Length)
        {
            _lineStart = _pos;
            var newline = _text.IndexOf('\n', _pos);
            _lineEnd = newline < 0 ? _text.Length : newline;
            if (firstCarriageReturn >= 0 && firstCarriageReturn < _lineEnd)
            {
                throw Error(firstCarriageReturn, "carriage return (\\r) is not allowed: lines must end with a single LF");
            }

            if (firstNul >= 0 && firstNul < _lineEnd)
            {
                throw Error(firstNul, $"NUL byte (U+0000) is not allowed{Where(firstNul)}");
            }

            if (newline < 0)
            {
                throw Error(_lineEnd, "missing newline (LF) at the end of the last line");
            }

            ParseLine();
            _pos = _lineEnd + 1;
            _line++;
        }

        _current?.Close();
        var result = new List<MetricFamily>(_families.Count);
        foreach (var family in _families)
        {
            if (family.HasSamples)
            {
                result.Add(family.ToFamily());
            }
        }

        return result;
    }

    private void ParseLine()
    {
        SkipBlanks();
        if (AtEnd)
        {
            return;
        }

        if (_text[_pos] == '#')
        {
            _pos++;
            ParseComment();
        }
        else
        {
            ParseSample();
        }
    }

    private void ParseComment()
    {
        SkipBlanks();
        var keyword = ReadToken();
        var isHelp = keyword.SequenceEqual("HELP");
        if (!isHelp && !keyword.SequenceEqual("TYPE"))
        {
            return;
        }

        var keywordText = isHelp ? "HELP" : "TYPE";
        SkipBlanks();
        if (AtEnd)
        {
            return;
        }

        var nameStart = _pos;
        var name = ReadMetricName();
        if (name.IsEmpty)
        {
            throw Error(nameStart, $"invalid metric name in {keywordText} line: unexpected character {Describe(_text[_pos])}");
        }

        // Go's parser ignores a HELP or TYPE line that stops after the name.
        if (AtEnd)
        {
            return;
        }

        if (!IsBlank(_text[_pos]))
        {
            throw Error(_pos, $"unexpected character {Describe(_text[_pos])} after metric name '{name}' in {keywordText} line");
        }

        var family = Resolve(name, nameStart);
        SkipBlanks();
        if (AtEnd)
        {
            return;
        }

        if (isHelp)
        {
            if (family.Help is not null)
            {
                throw Error(nameStart, $"second HELP line for metric name '{family.Name}'");
            }

            family.Help = ReadHelp();
            return;
        }

        if (family.HasType)
        {
            throw Error(
                nameStart,
                family.HasTypeLine
                    ? $"second TYPE line for metric name '{family.Name}'"
                    : $"TYPE line for metric name '{family.Name}' must come before its samples");
        }

        var typeText = _text.AsSpan(_pos, _lineEnd - _pos);
        if (!MetricTypeNames.TryParse(typeText, out var type))
        {
            throw Error(_pos, $"unknown metric type '{typeText}': expected counter, gauge, histogram, summary or untyped");
        }

        family.DeclareType(type);
    }

    private void ParseSample()
    {
        var nameStart = _pos;
        var name = ReadMetricName();
        if (name.IsEmpty)
        {
            var c = _text[_pos];
            throw Error(
                nameStart,
                c == '"' || c == '{'
                    ? "quoted metric names and samples without a metric name are not supported in text format 0.0.4"
                    : $"invalid metric name: unexpected character {Describe(c)}");
        }

        var family = Resolve(name, nameStart);
        var sampleName = family.SampleName(name);
        if (!AtEnd && !IsBlank(_text[_pos]) && _text[_pos] != '{')
        {
            throw Error(_pos, $"unexpected character {Describe(_text[_pos])} after metric name '{sampleName}'");
        }

        SkipBlanks();
        _labels.Clear();
        if (!AtEnd && _text[_pos] == '{')
        {
            _pos++;
            ParseLabels();
            SkipBlanks();
        }

        if (AtEnd)
        {
            throw Error(_pos, $"missing value for '{sampleName}'");
        }

        var valueStart = _pos;
        var valueText = ReadToken();
        if (!GoFloat.TryParse(valueText, out var value))
        {
            throw Error(valueStart, $"invalid value '{valueText}': expected a float, NaN, +Inf or -Inf");
        }

        SkipBlanks();
        long? timestamp = null;
        if (!AtEnd)
        {
            var timestampStart = _pos;
            var timestampText = ReadToken();
            if (!TryParseTimestamp(timestampText, out var milliseconds))
            {
                throw Error(timestampStart, $"invalid timestamp '{timestampText}': expected integer milliseconds since the epoch");
            }

            timestamp = milliseconds;
            SkipBlanks();
            if (!AtEnd)
            {
                throw Error(_pos, "unexpected text after the timestamp");
            }
        }

        family.Add(sampleName, _labels, value, timestamp, _line, Column(nameStart), Column(valueStart));
    }

    private void ParseLabels()
    {
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                throw Error(_pos, "unterminated label list: expected '}'");
            }

            if (_text[_pos] == '}')
            {
                _pos++;
                return;
            }

            var nameStart = _pos;
            var name = ReadLabelName();
            if (name is null)
            {
                throw Error(
                    nameStart,
                    _text[_pos] == '"'
                        ? "quoted label names are not supported in text format 0.0.4"
                        : $"invalid label name: unexpected character {Describe(_text[_pos])}");
            }

            if (MetricNames.IsReservedLabelName(name))
            {
                throw Error(nameStart, $"label name '{name}' is reserved: names starting with '__' belong to Prometheus");
            }

            foreach (var seen in _labels)
            {
                if (ReferenceEquals(seen.Name, name))
                {
                    throw Error(nameStart, $"duplicate label name '{name}'");
                }
            }

            SkipBlanks();
            Expect('=', $"after label name '{name}'");
            SkipBlanks();
            var quote = _pos;
            Expect('"', $"to start the value of label '{name}'");
            var value = ReadLabelValue(name, quote);
            _labels.Add(new ParsedLabel(name, value, Column(nameStart), Column(quote)));

            SkipBlanks();
            if (AtEnd)
            {
                throw Error(_pos, "unterminated label list: expected ',' or '}'");
            }

            var separator = _text[_pos];
            if (separator == '}')
            {
                _pos++;
                return;
            }

            if (separator != ',')
            {
                throw Error(_pos, $"expected ',' or '}}' after the value of label '{name}', found {Describe(separator)}");
            }

            _pos++;
        }
    }

    private string ReadLabelValue(string name, int quote)
    {
        var rest = _text.AsSpan(_pos, _lineEnd - _pos);
        var stop = rest.IndexOfAny('"', '\\');
        if (stop >= 0 && rest[stop] == '"')
        {
            var plain = _text.Substring(_pos, stop);
            _pos += stop + 1;
            return plain;
        }

        var builder = new StringBuilder();
        while (!AtEnd)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (_pos + 1 >= _lineEnd)
                {
                    break;
                }

                var escaped = _text[_pos + 1];
                builder.Append(escaped switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    _ => throw Error(_pos, $"invalid escape sequence '\\{escaped}' in label value"),
                });
                _pos += 2;
                continue;
            }

            builder.Append(c);
            _pos++;
        }

        throw Error(quote, $"unterminated value of label '{name}': missing closing '\"'");
    }

    private string ReadHelp()
    {
        var rest = _text.AsSpan(_pos, _lineEnd - _pos);
        if (rest.IndexOf('\\') < 0)
        {
            return rest.ToString();
        }

        var builder = new StringBuilder(rest.Length);
        for (; _pos < _lineEnd; _pos++)
        {
            var c = _text[_pos];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_pos + 1 >= _lineEnd)
            {
                throw Error(_pos, "incomplete escape sequence at the end of the HELP text");
            }

            var escaped = _text[++_pos];
            builder.Append(escaped switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' => '"',
                _ => throw Error(_pos - 1, $"invalid escape sequence '\\{escaped}' in HELP text"),
            });
        }

        return builder.ToString();
    }

    /// <summary>Finds the family a name belongs to, as Go does: <c>x_bucket/_sum/_count</c> join a histogram or summary <c>x</c>.</summary>
    private ParsedFamily Resolve(ReadOnlySpan<char> name, int nameStart)
    {
        if (!_byNameLookup.TryGetValue(name, out var family))
        {
            family = FindParentOf(name);
        }

        if (family is null)
        {
            family = new ParsedFamily(name.ToString(), _line);
            _byName.Add(family.Name, family);
            _families.Add(family);
        }

        if (!ReferenceEquals(family, _current))
        {
            if (family.IsClosed)
            {
                throw Error(
                    nameStart,
                    $"metric family '{family.Name}' is not contiguous: it began on line {family.FirstLine} and other families came in between");
            }

            _current?.Close();
            _current = family;
        }

        return family;
    }

    private ParsedFamily? FindParentOf(ReadOnlySpan<char> name)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["_bucket", "_sum", "_count"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)
                && _byNameLookup.TryGetValue(name[..^suffix.Length], out var parent)
                && (parent.Type == MetricType.Histogram || (parent.Type == MetricType.Summary && suffix != "_bucket")))
            {
                return parent;
            }
        }

        return null;
    }

    private ReadOnlySpan<char> ReadMetricName()
    {
        var start = _pos;
        if (!AtEnd && MetricNames.IsMetricNameStart(_text[_pos]))
        {
            _pos++;
            while (!AtEnd && MetricNames.IsMetricNamePart(_text[_pos]))
            {
                _pos++;
            }
        }

        return _text.AsSpan(start, _pos - start);
    }

    /// <summary>Reads a label name and returns it interned, or null when there is none at the cursor.</summary>
    private string? ReadLabelName()
    {
        var start = _pos;
        if (AtEnd || !MetricNames.IsLabelNameStart(_text[_pos]))
        {
            return null;
        }

        _pos++;
        while (!AtEnd && MetricNames.IsLabelNamePart(_text[_pos]))
        {
            _pos++;
        }

        var span = _text.AsSpan(start, _pos - start);
        if (!_labelNameLookup.TryGetValue(span, out var name))
        {
            name = span.ToString();
            _labelNames.Add(name);
        }

        return name;
    }

    private ReadOnlySpan<char> ReadToken()
    {
        var start = _pos;
        while (!AtEnd && !IsBlank(_text[_pos]))
        {
            _pos++;
        }

        return _text.AsSpan(start, _pos - start);
    }

    private void SkipBlanks()
    {
        while (!AtEnd && IsBlank(_text[_pos]))
        {
            _pos++;
        }
    }

    private void Expect(char expected, string where)
    {
        if (AtEnd)
        {
            throw Error(_pos, $"expected '{expected}' {where}, found the end of the line");
        }

        if (_text[_pos] != expected)
        {
            throw Error(_pos, $"expected '{expected}' {where}, found {Describe(_text[_pos])}");
        }

        _pos++;
    }

    private static bool TryParseTimestamp(ReadOnlySpan<char> text, out long milliseconds)
    {
        milliseconds = 0;
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliseconds);
    }

    private int Column(int index) => index - _lineStart + 1;

    private TextFormatException Error(int index, string reason) => new(_line, Column(index), reason);
}
