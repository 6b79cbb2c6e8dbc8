namespace StandbyOps.Server.Hosting;

/// <summary>What readiness reports about the background machinery.</summary>
public sealed class RuntimeState
{
    private volatile bool _actorsRunning;

    /// <summary>True while the actor system accepts messages.</summary>
    public bool ActorsRunning
    {
        get => _actorsRunning;
        set => _actorsRunning = value;
    }
}
