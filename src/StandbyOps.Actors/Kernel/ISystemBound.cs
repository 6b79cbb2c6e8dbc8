namespace StandbyOps.Actors.Kernel;

/// <summary>A ref that knows its actor system, so <c>Ask</c> can find the scheduler for its timeout.</summary>
internal interface ISystemBound
{
    ActorSystem System { get; }
}
