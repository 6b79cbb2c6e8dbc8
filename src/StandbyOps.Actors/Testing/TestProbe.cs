using System.Collections.Concurrent;
using System.Globalization;
using StandbyOps.Actors.Kernel;

namespace StandbyOps.Actors.Testing;

/// <summary>
/// A ref for tests that records what it is told, so a test can read like the protocol:
/// <c>probe.ExpectMsg&lt;PageSent&gt;()</c>, <c>probe.Reply(new Ack())</c>, <c>probe.ExpectTerminated(pager)</c>.
/// </summary>
/// <remarks>
/// Expectations block in real time until a message arrives (or the timeout passes): they wait for
/// asynchronous delivery, they do not measure time. Drive timing itself with <c>VirtualTime</c>.
/// </remarks>
public sealed class TestProbe : IActorRef, ISystemBound
{
    /// <summary>How long an expectation waits for a message unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long <see cref="ExpectNoMsg"/> listens unless told otherwise.</summary>
    public static readonly TimeSpan DefaultNoMessageWait = TimeSpan.FromMilliseconds(100);

    private static long _names;

    private readonly BlockingCollection<(object Message, IActorRef? Sender)> _inbox = new(new ConcurrentQueue<(object, IActorRef?)>());
    private IActorRef? _lastSender;

    /// <summary>Creates a probe in <paramref name="system"/> (a name is generated when <c>null</c>).</summary>
    public TestProbe(ActorSystem system, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        name ??= "probe-" + Interlocked.Increment(ref _names).ToString(CultureInfo.InvariantCulture);
        Path = $"actor://{system.Name}/probe/{name}";
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>The system the probe belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>The sender of the last message taken by an expectation (dead letters when it had none).</summary>
    public IActorRef LastSender => _lastSender ?? System.DeadLetters;

    /// <summary>Same as <see cref="LastSender"/> (Akka's TestKit has both names).</summary>
    public IActorRef Sender => LastSender;

    /// <summary>Messages received and not yet taken by an expectation.</summary>
    public int PendingCount => _inbox.Count;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _inbox.Add((message, sender));
    }

    /// <summary>Takes the next message, which must be a <typeparamref name="T"/> (satisfying <paramref name="predicate"/>, if given).</summary>
    /// <exception cref="ProbeAssertionException">Nothing arrived in time, or the next message did not match.</exception>
    public T ExpectMsg<T>(TimeSpan? timeout = null, Func<T, bool>? predicate = null)
    {
        var wait = timeout ?? DefaultTimeout;
        var message = Take(wait)
            ?? throw new ProbeAssertionException($"{Path} expected a {typeof(T).Name} within {wait} but received nothing.");
        if (message is not T typed)
        {
            throw new ProbeAssertionException($"{Path} expected a {typeof(T).Name} but received {Describe(message)}.");
        }

        if (predicate is not null && !predicate(typed))
        {
            throw new ProbeAssertionException($"{Path} received {Describe(message)}, which does not satisfy the expectation.");
        }

        return typed;
    }

    /// <summary>Takes the next message, which must equal <paramref name="expected"/>.</summary>
    /// <exception cref="ProbeAssertionException">Nothing arrived in time, or the next message differs.</exception>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull
    {
        var wait = timeout ?? DefaultTimeout;
        var message = Take(wait)
            ?? throw new ProbeAssertionException($"{Path} expected {Describe(expected)} within {wait} but received nothing.");
        return message is T typed && EqualityComparer<T>.Default.Equals(typed, expected)
            ? typed
            : throw new ProbeAssertionException($"{Path} expected {Describe(expected)} but received {Describe(message)}.");
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> satisfying <paramref name="predicate"/>, and returns it.</summary>
    /// <exception cref="ProbeAssertionException">No such message arrived within <paramref name="timeout"/> (overall).</exception>
    public T FishForMessage<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultTimeout;
        var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            var left = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            var message = Take(left)
                ?? throw new ProbeAssertionException($"{Path} fished for a {typeof(T).Name} for {wait} without a match.");
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>Asserts that no message arrives within <paramref name="duration"/> (default 100 ms).</summary>
    /// <exception cref="ProbeAssertionException">A message arrived.</exception>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        if (Take(duration ?? DefaultNoMessageWait) is { } message)
        {
            throw new ProbeAssertionException($"{Path} expected no message but received {Describe(message)}.");
        }
    }

    /// <summary>Takes the next message, which must be the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    /// <exception cref="ProbeAssertionException">Nothing arrived in time, or something else did.</exception>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExpectMsg<Terminated>(timeout, t => ReferenceEquals(t.ActorRef, actor));
    }

    /// <summary>Watches <paramref name="actor"/>: its <see cref="Terminated"/> will arrive here.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ActorCell.AsCell(actor).SendSystem(new Kernel.Watch(this));
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public void Unwatch(IActorRef actor) => ActorCell.AsCell(actor).SendSystem(new Kernel.Unwatch(this));

    /// <summary>Tells <paramref name="message"/> to the sender of the last message taken.</summary>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <inheritdoc />
    public override string ToString() => Path;

    private static string Describe(object message) => $"{message.GetType().Name} {message}";

    private object? Take(TimeSpan timeout)
    {
        if (!_inbox.TryTake(out var next, timeout))
        {
            return null;
        }

        _lastSender = next.Sender;
        return next.Message;
    }
}
