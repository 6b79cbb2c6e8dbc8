namespace StandbyOps.Actors.Kernel;

/// <summary>The parent of all top-level actors; it handles no messages of its own.</summary>
internal sealed class Guardian : ReceiveActor
{
    public static readonly Props Props = Props.Create(() => new Guardian());
}
