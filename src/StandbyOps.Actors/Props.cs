using StandbyOps.Actors.Supervision;

namespace StandbyOps.Actors;

/// <summary>A recipe for an actor: how to create (and re-create on restart) an instance, and how it supervises its children.</summary>
public sealed class Props
{
    private Props(Func<ActorBase> factory, Type actorType, SupervisorStrategy? supervisorStrategy)
    {
        Factory = factory;
        ActorType = actorType;
        Kind = actorType.Name;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The CLR type the factory creates.</summary>
    public Type ActorType { get; }

    /// <summary>The actor kind used in metrics (the type's short name, e.g. <c>PagerActor</c>).</summary>
    public string Kind { get; }

    /// <summary>
    /// How this actor decides the fate of its failing children; <c>null</c> means
    /// <see cref="Supervision.SupervisorStrategy.Default"/>.
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Props whose instances are made by <paramref name="factory"/>, called once per start and once per restart.</summary>
    public static Props Create<T>(Func<T> factory)
        where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(T), null);
    }

    /// <summary>A copy of these props whose actor supervises its children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(Factory, ActorType, strategy);
    }
}
