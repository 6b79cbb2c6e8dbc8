using NodaTime;
using StandbyOps.Core.Rota;

namespace StandbyOps.Server.Rota;

/// <summary>A rota override as stored: who replaces the on-call engineer of a team for <c>[Start, End)</c>.</summary>
public sealed record StoredOverride(string Id, long Sequence, string Team, string Engineer, Instant Start, Instant End, Instant CreatedAt, string CreatedBy)
{
    /// <summary>The domain override.</summary>
    public RotaOverride ToRotaOverride() => new(Engineer, Start, End);
}
