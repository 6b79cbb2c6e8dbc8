using NodaTime;

namespace StandbyOps.Core.Rota;

/// <summary>Puts <see cref="Engineer"/> on call for [<see cref="Start"/>, <see cref="End"/>), replacing the rotation.</summary>
public sealed record RotaOverride
{
    public RotaOverride(string engineer, Instant start, Instant end)
    {
        Preconditions.Require(!string.IsNullOrWhiteSpace(engineer), nameof(engineer), "An override names an engineer.");
        Preconditions.Require(start < end, nameof(end), $"An override must end ({end}) after it starts ({start}).");
        Engineer = engineer;
        Start = start;
        End = end;
    }

    public string Engineer { get; }

    public Instant Start { get; }

    public Instant End { get; }

    public bool Contains(Instant t) => Start <= t && t < End;
}
