using YamlDotNet.Core;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// A single value from the file: <see cref="Raw"/> as written (safe to show in messages) and
/// <see cref="Value"/> with <c>${VAR}</c> references resolved (never shown when it came from the environment).
/// </summary>
internal readonly record struct Scalar(string Raw, string Value, Mark Start, bool FromEnvironment)
{
    private const int MaxShown = 60;

    /// <summary>The raw text, shortened for messages.</summary>
    public string Shown => Raw.Length <= MaxShown ? Raw : string.Concat(Raw.AsSpan(0, MaxShown), "…");
}
