using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Explicit YAML tags: the reader gives none of them a meaning, so a tag other than the core schema's
/// (<c>!!str</c>, <c>!!int</c>, … which change nothing here) is refused rather than silently ignored.
/// </summary>
internal static class YamlTags
{
    private const string CorePrefix = "tag:yaml.org,2002:";

    private static readonly string[] CoreTags = ["str", "int", "float", "bool", "null", "map", "seq"];

    /// <summary>Reports every node under <paramref name="root"/> that carries an unknown tag.</summary>
    public static void RejectUnknown(ConfigReader reader, YamlNode root)
    {
        foreach (var node in root.AllNodes)
        {
            if (node.Tag.IsEmpty || node.Tag.IsNonSpecific || IsCore(node.Tag.Value))
            {
                continue;
            }

            reader.Error(node.Start, $"unknown YAML tag '{Shorten(node.Tag.Value)}'",
                "remove the tag: the configuration uses plain values, lists and mappings only (quote a value that starts with '!')");
        }
    }

    private static bool IsCore(string tag) =>
        tag.StartsWith(CorePrefix, StringComparison.Ordinal) && CoreTags.Contains(tag[CorePrefix.Length..], StringComparer.Ordinal);

    private static string Shorten(string tag) =>
        tag.StartsWith(CorePrefix, StringComparison.Ordinal) ? "!!" + tag[CorePrefix.Length..] : tag;
}
