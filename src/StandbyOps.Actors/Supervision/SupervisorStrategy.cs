namespace StandbyOps.Actors.Supervision;

/// <summary>
/// How a parent treats a failing child: a decider picks a <see cref="Directive"/> by exception type,
/// and <see cref="Restart"/> paces and bounds the restarts.
/// </summary>
/// <example>
/// <code>
/// new SupervisorStrategy(ex => ex switch
/// {
///     ActorInitializationException => Directive.Stop,
///     HttpRequestException => Directive.Restart,
///     _ => Directive.Escalate,
/// }, new RestartSettings(Duration.FromSeconds(1), Duration.FromMinutes(1), 5, Duration.FromMinutes(10)));
/// </code>
/// </example>
public sealed class SupervisorStrategy
{
    /// <summary>Creates a strategy; <paramref name="restart"/> defaults to <see cref="RestartSettings.Immediate"/>.</summary>
    public SupervisorStrategy(Func<Exception, Directive> decider, RestartSettings? restart = null)
    {
        ArgumentNullException.ThrowIfNull(decider);
        Decider = decider;
        Restart = restart ?? RestartSettings.Immediate;
    }

    /// <summary>Stop on initialization failure, restart (at once, at most 10 a minute, then escalate) on anything else.</summary>
    public static SupervisorStrategy Default { get; } = new(DefaultDecider);

    /// <summary>Picks the directive for an exception.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Backoff and budget applied when the decider says <see cref="Directive.Restart"/>.</summary>
    public RestartSettings Restart { get; }

    /// <summary>The default decision: <see cref="ActorInitializationException"/> stops, everything else restarts.</summary>
    public static Directive DefaultDecider(Exception exception) =>
        exception is ActorInitializationException ? Directive.Stop : Directive.Restart;
}
