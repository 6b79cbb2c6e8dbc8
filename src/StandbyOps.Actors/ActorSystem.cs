using System.Globalization;
using NodaTime;
using StandbyOps.Actors.DeadLetters;
using StandbyOps.Actors.Kernel;
using StandbyOps.Actors.Supervision;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors;

/// <summary>
/// A tree of actors under one user guardian, sharing a scheduler, dead letters and metrics.
/// </summary>
/// <remarks>
/// Stop it with <see cref="ShutdownAsync"/> (graceful: refuse new messages, drain the mailboxes, then stop
/// children before parents) or <see cref="Terminate"/> (stop now; queued messages become dead letters).
/// </remarks>
public sealed class ActorSystem : IAsyncDisposable
{
    private const int Running = 0;
    private const int Draining = 1;
    private const int Stopping = 2;

    private readonly ActorCell _guardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<ActorFailure>? _onActorFailure;
    private readonly Action<string, TimeSpan>? _onMessageProcessed;
    private int _state;
    private volatile bool _refusing;
    private int _liveActors;
    private long _retiredProcessed;
    private long _temporaryNames;
    private int _drainRemaining;

    /// <summary>Creates and starts a system named <paramref name="name"/> whose timing all goes through <paramref name="scheduler"/>.</summary>
    /// <exception cref="ArgumentException">The name is not made of letters, digits, '-', '_' or '.'.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ActorSystemOptions.Throughput"/> is outside its range.</exception>
    public ActorSystem(string name, IScheduler scheduler, ActorSystemOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (name.Length == 0 || !name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{name}' is not a valid actor system name: use letters, digits, '-', '_' or '.'.", nameof(name));
        }

        options ??= new ActorSystemOptions();
        if (options.Throughput is < 1 or > ActorSystemOptions.MaxThroughput)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Throughput, $"Throughput must be between 1 and {ActorSystemOptions.MaxThroughput}.");
        }

        ArgumentNullException.ThrowIfNull(options.GuardianStrategy);
        Name = name;
        Scheduler = scheduler;
        Throughput = options.Throughput;
        GuardianStrategy = options.GuardianStrategy;
        _onActorFailure = options.OnActorFailure;
        _onMessageProcessed = options.OnMessageProcessed;
        DeadLetters = new DeadLetterOffice(name, options.OnDeadLetter);
        Metrics = new ActorSystemMetrics(this);
        _guardian = new ActorCell(this, null, "user", Guardian.Props);
        _guardian.SendSystem(new Create());
    }

    /// <summary>The system's name, the authority of every actor path.</summary>
    public string Name { get; }

    /// <summary>The clock and scheduler all actor timing goes through.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>Undeliverable messages: count and ref.</summary>
    public DeadLetterOffice DeadLetters { get; }

    /// <summary>Statistics for a metrics exporter.</summary>
    public ActorSystemMetrics Metrics { get; }

    /// <summary>Completes once every actor, down to the guardian, has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal int Throughput { get; }

    internal SupervisorStrategy GuardianStrategy { get; }

    internal bool IsRefusingMessages => _refusing;

    internal bool MeasuresProcessing => _onMessageProcessed is not null;

    internal int LiveActorCount => Volatile.Read(ref _liveActors);

    internal long RetiredProcessed => Interlocked.Read(ref _retiredProcessed);

    /// <summary>Creates a top-level actor (see <see cref="IActorContext.ActorOf"/>).</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken by a live top-level actor.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    /// <summary>The live top-level actor named <paramref name="name"/>, or <c>null</c>.</summary>
    public IActorRef? Child(string name) => _guardian.Child(name);

    /// <summary>Stops an actor (children first), after the message it is handling.</summary>
    public void Stop(IActorRef actor) => ActorCell.AsCell(actor).Stop();

    /// <summary>Stops all actors now; messages still queued become dead letters.</summary>
    public Task Terminate()
    {
        Interlocked.Exchange(ref _state, Stopping);
        _guardian.Stop();
        return WhenTerminated;
    }

    /// <summary>
    /// Graceful stop: new messages are refused (they become dead letters), every message already queued
    /// is handled, then all actors stop, children before parents. Replies to pending asks still arrive.
    /// </summary>
    /// <param name="timeout">Limit for the whole shutdown, measured on <see cref="Scheduler"/>; when it
    /// passes, actors are stopped even if mailboxes are not empty.</param>
    /// <returns><c>true</c> if everything was drained and stopped within the timeout.</returns>
    public async Task<bool> ShutdownAsync(Duration timeout)
    {
        if (timeout < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The shutdown timeout cannot be negative.");
        }

        if (Interlocked.CompareExchange(ref _state, Draining, Running) != Running)
        {
            await WhenTerminated.ConfigureAwait(false);
            return true;
        }

        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = Scheduler.ScheduleOnce(timeout, () => expired.TrySetResult());
        _refusing = true;

        var cells = LiveCells();
        Volatile.Write(ref _drainRemaining, cells.Count + 1);
        foreach (var cell in cells)
        {
            cell.BeginDrain();
        }

        CellDrained();
        var drained = await Task.WhenAny(_drained.Task, expired.Task).ConfigureAwait(false) == _drained.Task;

        Interlocked.Exchange(ref _state, Stopping);
        _guardian.Stop();
        var stopped = await Task.WhenAny(WhenTerminated, expired.Task).ConfigureAwait(false) == WhenTerminated;
        return drained && stopped;
    }

    /// <summary>Same as <see cref="Terminate"/>.</summary>
    public ValueTask DisposeAsync() => new(Terminate());

    /// <inheritdoc />
    public override string ToString() => $"actor://{Name}";

    internal List<ActorCell> LiveCells()
    {
        var cells = new List<ActorCell>();
        _guardian.CollectDescendants(cells);
        return cells;
    }

    internal string NextTemporaryPath() =>
        $"actor://{Name}/temp/ask-{Interlocked.Increment(ref _temporaryNames).ToString(CultureInfo.InvariantCulture)}";

    internal void CellCreated() => Interlocked.Increment(ref _liveActors);

    internal void CellTerminated(ActorCell cell)
    {
        Interlocked.Decrement(ref _liveActors);
        Interlocked.Add(ref _retiredProcessed, cell.Processed);
    }

    internal void GuardianTerminated()
    {
        _refusing = true;
        _terminated.TrySetResult();
    }

    internal void CellDrained()
    {
        if (Interlocked.Decrement(ref _drainRemaining) == 0)
        {
            _drained.TrySetResult();
        }
    }

    internal void ReportFailure(ActorFailure failure)
    {
        if (_onActorFailure is null)
        {
            return;
        }

        try
        {
            _onActorFailure(failure);
        }
        catch (Exception)
        {
            // Reporting must not disturb supervision; the observer's own failure has nowhere better to go.
        }
    }

    internal void ReportProcessingTime(string kind, TimeSpan elapsed)
    {
        try
        {
            _onMessageProcessed?.Invoke(kind, elapsed);
        }
        catch (Exception)
        {
            // Same reasoning as ReportFailure: metrics are advisory.
        }
    }
}
