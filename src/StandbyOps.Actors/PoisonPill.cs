namespace StandbyOps.Actors;

/// <summary>Stops the recipient once it reaches this message, after the messages queued before it.</summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The one instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
