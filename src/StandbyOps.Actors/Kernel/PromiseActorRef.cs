namespace StandbyOps.Actors.Kernel;

/// <summary>The temporary ref an <c>Ask</c> sends as sender; the first reply (or failure) completes it.</summary>
internal sealed class PromiseActorRef(string path) : IActorRef
{
    private readonly TaskCompletionSource<object> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public Task<object> Reply => _reply.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Status.Failure failure)
        {
            _reply.TrySetException(failure.Cause);
        }
        else
        {
            _reply.TrySetResult(message);
        }
    }

    public void Fail(Exception exception) => _reply.TrySetException(exception);

    public void Cancel(CancellationToken cancellationToken) => _reply.TrySetCanceled(cancellationToken);

    public override string ToString() => Path;
}
