using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Reads nodes of one file: collects diagnostics with their position, resolves <c>${VAR}</c>
/// references and wraps mappings in schema-aware <see cref="MappingReader"/>s.
/// </summary>
internal sealed class ConfigReader
{
    private readonly Func<string, string?> _environment;
    private readonly List<ConfigDiagnostic> _diagnostics = [];

    public ConfigReader(string fileName, Func<string, string?> environment)
    {
        FileName = fileName;
        _environment = environment;
    }

    public string FileName { get; }

    public IReadOnlyList<ConfigDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Exists(d => d.IsError);

    public void Error(Mark at, string message, string fix) => Add(ConfigSeverity.Error, at, message, fix);

    public void Warning(Mark at, string message, string fix) => Add(ConfigSeverity.Warning, at, message, fix);

    /// <summary>An empty value (<c>key:</c>, <c>~</c>, <c>null</c>) means "not set".</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a single value",
    };

    /// <summary>
    /// A reader over <paramref name="node"/>, or null (reported) when it is not a mapping. An empty
    /// value reads as an empty mapping. With <paramref name="allowedKeys"/> null any key is accepted.
    /// </summary>
    public MappingReader? Mapping(YamlNode node, Mark anchor, string what, IReadOnlyList<string>? allowedKeys)
    {
        if (IsNull(node))
        {
            return new MappingReader(this, new YamlMappingNode(), anchor, what, allowedKeys);
        }

        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(this, mapping, anchor, what, allowedKeys);
        }

        Error(node.Start, $"{what} must be a mapping of keys to values, not {Describe(node)}",
            "write 'key: value' lines indented below it, or { key: value, ... }");
        return null;
    }

    /// <summary>The value of a single-value node with variables resolved, or null (reported) when it is not one or a variable is missing.</summary>
    public Scalar? Scalar(YamlNode node, string key, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node.Start, $"'{key}' in {what} must be a single value, not {Describe(node)}",
                $"write one value after '{key}:'");
            return null;
        }

        var raw = scalar.Value ?? "";
        var resolved = EnvironmentSubstitution.Resolve(raw, _environment);
        if (resolved.SyntaxProblem is { } problem)
        {
            Error(scalar.Start, $"invalid variable reference in '{key}' of {what}: {problem}",
                "write ${NAME} to use environment variable NAME, or $${ for a literal '${'");
            return null;
        }

        foreach (var name in resolved.Missing)
        {
            Error(scalar.Start, $"environment variable '{name}' used by '{key}' in {what} is not set",
                $"set {name} in the server's environment (it is read at start), or write the value into the file");
        }

        return resolved.Missing.Count > 0 ? null : new Scalar(raw, resolved.Value, scalar.Start, resolved.UsedEnvironment);
    }

    private void Add(ConfigSeverity severity, Mark at, string message, string fix) =>
        _diagnostics.Add(new ConfigDiagnostic(severity, FileName, (int)at.Line, (int)at.Column, message, fix));
}
