using System.Collections.ObjectModel;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Reads one mapping against its schema: unknown keys are reported (with the nearest allowed key)
/// as soon as it is wrapped, and every typed getter reports a missing or invalid value at its line
/// and returns a fallback, so reading goes on and all problems are collected.
/// </summary>
internal sealed class MappingReader
{
    private readonly List<Entry> _entries = [];

    public MappingReader(ConfigReader reader, YamlMappingNode node, Mark anchor, string what, IReadOnlyList<string>? allowedKeys)
    {
        Reader = reader;
        Anchor = anchor;
        What = what;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                reader.Error(keyNode.Start, $"keys in {what} must be plain names, not {ConfigReader.Describe(keyNode)}",
                    "write the key as a plain word followed by ':'");
                continue;
            }

            if (allowedKeys is not null && !allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = Suggestions.Nearest(key, allowedKeys) is { } nearest ? $"did you mean '{nearest}'? Allowed keys" : "remove it; allowed keys";
                reader.Error(keyNode.Start, $"unknown key '{key}' in {what}", $"{hint}: {string.Join(", ", allowedKeys)}");
                continue;
            }

            _entries.Add(new Entry(key, keyNode.Start, value));
        }
    }

    public ConfigReader Reader { get; }

    /// <summary>Where problems of the mapping as a whole (such as a missing key) are reported.</summary>
    public Mark Anchor { get; }

    /// <summary>Names the mapping in messages, e.g. <c>check 'home'</c>.</summary>
    public string What { get; }

    public IReadOnlyList<Entry> Entries => _entries;

    public Entry? Find(string key) => _entries.Find(e => e.Key == key);

    /// <summary>The key is present with a non-empty value.</summary>
    public bool Has(string key) => Find(key) is { } entry && !ConfigReader.IsNull(entry.Value);

    /// <summary>Where <paramref name="key"/> is written, or the mapping's anchor.</summary>
    public Mark MarkOf(string key) => Find(key)?.KeyMark ?? Anchor;

    public void Missing(string key, string example) =>
        Reader.Error(MarkOf(key), $"missing '{key}' in {What}", $"add {key}: {example}");

    public void Invalid(Scalar value, string key, string problem, string fix) =>
        Reader.Error(value.Start, $"invalid {key} '{value.Shown}' in {What}: {problem}", fix);

    /// <summary>Checks that <paramref name="value"/> names a defined <paramref name="kind"/>; reports it (with the nearest name) when not.</summary>
    public bool Reference(Scalar value, string kind, string section, IEnumerable<string> defined)
    {
        var names = defined.ToList();
        var name = value.Value.Trim();
        if (names.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        var known = names.Count == 0 ? $"no {kind}s are defined" : $"defined {kind}s: {string.Join(", ", names)}";
        Reader.Error(value.Start, $"unknown {kind} '{value.Shown}' in {What}",
            $"{Suggestions.DidYouMean(name, names)}{known}; define it under {section}: or correct the name");
        return false;
    }

    public Scalar? Optional(string key) =>
        Find(key) is { } entry && !ConfigReader.IsNull(entry.Value) ? Reader.Scalar(entry.Value, key, What) : null;

    public Scalar? Required(string key, string example)
    {
        if (!Has(key))
        {
            Missing(key, example);
            return null;
        }

        return Optional(key);
    }

    /// <summary>Parses the key's value; false when absent (reported if <paramref name="requiredExample"/> is set) or invalid (reported).</summary>
    public bool TryParse<T>(string key, Func<string, Parsed<T>> parse, out T value, string? requiredExample = null)
    {
        value = default!;
        var scalar = requiredExample is null ? Optional(key) : Required(key, requiredExample);
        return scalar is { } s && TryParse(s, key, parse, out value);
    }

    /// <summary>Parses one scalar belonging to <paramref name="key"/>; false (reported) when invalid.</summary>
    public bool TryParse<T>(Scalar scalar, string key, Func<string, Parsed<T>> parse, out T value)
    {
        var parsed = parse(scalar.Value);
        value = parsed.Value;
        if (!parsed.Ok)
        {
            Invalid(scalar, key, parsed.Problem, parsed.Fix);
        }

        return parsed.Ok;
    }

    public T Parse<T>(string key, Func<string, Parsed<T>> parse, T fallback, string? requiredExample = null) =>
        TryParse(key, parse, out var value, requiredExample) ? value : fallback;

    public T? ParseOptional<T>(string key, Func<string, Parsed<T>> parse)
        where T : struct =>
        TryParse(key, parse, out var value) ? value : null;

    public string? String(string key) => Optional(key)?.Value;

    public string RequiredString(string key, string example) => Required(key, example)?.Value ?? "";

    public int Int(string key, int fallback, int min, int max) =>
        Parse(key, text => ParseInt(text, min, max), fallback);

    public decimal Decimal(string key, decimal fallback, decimal min, decimal max, string? requiredExample = null) =>
        Parse(key, text => ParseDecimal(text, min, max), fallback, requiredExample);

    public bool Bool(string key, bool fallback) => Parse(key, ParseBool, fallback);

    /// <summary>A nested mapping; null when absent or not a mapping (reported).</summary>
    public MappingReader? Mapping(string key, string what, IReadOnlyList<string>? allowedKeys, string? requiredExample = null)
    {
        if (Find(key) is not { } entry)
        {
            if (requiredExample is not null)
            {
                Missing(key, requiredExample);
            }

            return null;
        }

        return Reader.Mapping(entry.Value, entry.KeyMark, what, allowedKeys);
    }

    /// <summary>The items of a list; a single value counts as a list of one. Absent or empty is an empty list.</summary>
    public IReadOnlyList<YamlNode> Items(string key)
    {
        if (Find(key) is not { } entry || ConfigReader.IsNull(entry.Value))
        {
            return [];
        }

        switch (entry.Value)
        {
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            case YamlScalarNode scalar:
                return [scalar];
            default:
                Reader.Error(entry.Value.Start, $"'{key}' in {What} must be a list, not a mapping", $"write {key}: [a, b] or one '- item' line per item");
                return [];
        }
    }

    /// <summary>The single values of a list (see <see cref="Items"/>), parsed; invalid items are reported and skipped.</summary>
    public IReadOnlyList<T> ParseList<T>(string key, Func<string, Parsed<T>> parse)
    {
        var values = new List<T>();
        foreach (var item in Items(key))
        {
            if (Reader.Scalar(item, key, What) is { } scalar && TryParse(scalar, key, parse, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>
    /// A mapping of ids to definitions (<c>calendars:</c>, <c>checks:</c>, …): each id is checked and
    /// read with <paramref name="read"/>; the result keeps the file's order.
    /// </summary>
    public IReadOnlyDictionary<string, T> IdMap<T>(string key, string kind, Func<string, Entry, T?> read)
        where T : class
    {
        var result = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        if (Mapping(key, $"'{key}' in {What}", allowedKeys: null) is not { } map)
        {
            return new ReadOnlyDictionary<string, T>(result);
        }

        foreach (var entry in map.Entries)
        {
            if (!Names.IsId(entry.Key))
            {
                Reader.Error(entry.KeyMark, $"invalid {kind} id '{entry.Key}' in {What}", Names.IdFix);
            }

            if (read(entry.Key, entry) is { } value)
            {
                result[entry.Key] = value;
            }
        }

        return new ReadOnlyDictionary<string, T>(result);
    }

    public static Parsed<int> ParseInt(string text, int min, int max)
    {
        var fix = $"write a whole number from {min} to {max}";
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed.Failure<int>("not a whole number", fix);
        }

        return value < min || value > max ? Parsed.Failure<int>($"out of range {min}-{max}", fix) : Parsed.Success(value);
    }

    public static Parsed<decimal> ParseDecimal(string text, decimal min, decimal max)
    {
        var fix = $"write a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} with '.' as the decimal separator, e.g. 95.00";
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed.Failure<decimal>(text.Contains(',', StringComparison.Ordinal) ? "',' is not a decimal separator" : "not a number", fix);
        }

        return value < min || value > max ? Parsed.Failure<decimal>("out of range", fix) : Parsed.Success(value);
    }

    public static Parsed<bool> ParseBool(string text) => text.Trim() switch
    {
        "true" or "True" or "TRUE" => Parsed.Success(true),
        "false" or "False" or "FALSE" => Parsed.Success(false),
        _ => Parsed.Failure<bool>("not a boolean", "write true or false"),
    };

    /// <summary>One key of a mapping with its position.</summary>
    public sealed record Entry(string Key, Mark KeyMark, YamlNode Value);
}
