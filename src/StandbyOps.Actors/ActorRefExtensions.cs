using NodaTime;
using StandbyOps.Actors.Kernel;

namespace StandbyOps.Actors;

/// <summary>Request/response on top of <see cref="IActorRef.Tell"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply ref as sender and waits for the first reply.
    /// </summary>
    /// <returns>The reply, which must be a <typeparamref name="T"/>.</returns>
    /// <exception cref="AskTimeoutException">No reply within <paramref name="timeout"/>, measured on the system's scheduler.</exception>
    /// <exception cref="AskUndeliveredException">The question became a dead letter (recipient stopped, unhandled, shutdown).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="InvalidCastException">The reply is not a <typeparamref name="T"/>.</exception>
    /// <remarks>A <see cref="Status.Failure"/> reply makes the task throw its cause.</remarks>
    public static Task<T> Ask<T>(this IActorRef recipient, object message, Duration timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An ask needs a positive timeout.");
        }

        var system = (recipient as ISystemBound)?.System
            ?? throw new ArgumentException($"{recipient.Path} belongs to no actor system; ask an actor or a test probe.", nameof(recipient));
        return AskCore<T>(system, recipient, message, timeout, cancellationToken);
    }

    private static async Task<T> AskCore<T>(ActorSystem system, IActorRef recipient, object message, Duration timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var promise = new PromiseActorRef(system.NextTemporaryPath());

        // Scheduled before the Tell, so under virtual time the deadline exists as soon as Ask returns.
        using var deadline = system.Scheduler.ScheduleOnce(timeout, () => promise.Fail(
            new AskTimeoutException($"Ask of {message.GetType().Name} to {recipient.Path} got no reply within {timeout}.")));
        using var registration = cancellationToken.Register(() => promise.Cancel(cancellationToken));
        recipient.Tell(message, promise);
        var reply = await promise.Reply.ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException($"Ask of {message.GetType().Name} to {recipient.Path} expected a {typeof(T).Name} reply but got {reply.GetType().Name}.");
    }
}
