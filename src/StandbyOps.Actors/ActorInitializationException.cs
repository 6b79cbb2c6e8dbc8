namespace StandbyOps.Actors;

/// <summary>An actor's constructor, <c>PreStart</c> or <c>PostRestart</c> threw; by default the actor is stopped.</summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Wraps the failure of the actor at <paramref name="path"/>.</summary>
    public ActorInitializationException(string path, Exception cause)
        : base($"Actor {path} failed to start: {cause.Message}", cause)
    {
        Path = path;
    }

    /// <summary>The path of the actor that failed to start.</summary>
    public string Path { get; }
}
