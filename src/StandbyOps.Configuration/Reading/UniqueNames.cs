using YamlDotNet.Core;

namespace StandbyOps.Configuration.Reading;

/// <summary>Names that must be unique across the whole file (heartbeat tokens, system ids), with where each was first used.</summary>
internal sealed class UniqueNames
{
    private readonly Dictionary<string, (Mark Mark, string Owner)> _seen = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="name"/> for <paramref name="owner"/>; false with the first claim when it is taken.</summary>
    public bool TryClaim(string name, Mark mark, string owner, out (Mark Mark, string Owner) first)
    {
        if (_seen.TryGetValue(name, out first))
        {
            return false;
        }

        _seen[name] = (mark, owner);
        return true;
    }
}
