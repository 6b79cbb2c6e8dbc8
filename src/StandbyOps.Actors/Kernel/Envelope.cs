namespace StandbyOps.Actors.Kernel;

/// <summary>A queued user message; also the node of the mailbox's intrusive queue, so a Tell allocates nothing else.</summary>
internal sealed class Envelope(object? message, IActorRef? sender)
{
    public object? Message = message;
    public IActorRef? Sender = sender;
    public Envelope? Next;
}
