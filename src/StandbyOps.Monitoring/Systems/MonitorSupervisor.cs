using StandbyOps.Actors;
using StandbyOps.Configuration;

namespace StandbyOps.Monitoring.Systems;

/// <summary>Apply a (re)loaded configuration: start, reconfigure or stop system monitors to match it.</summary>
public sealed record ApplyConfiguration(StandbyOpsConfig Config);

/// <summary>Deliver <see cref="Message"/> to the monitor of <see cref="SystemId"/>.</summary>
public sealed record ForSystem(string SystemId, object Message);

/// <summary>
/// Parent of one <see cref="SystemMonitor"/> per configured system (children named
/// <c>system-{id}</c>). A monitor that throws is restarted by the default strategy; a reload keeps
/// the monitors of unchanged systems and the state of their unchanged checks.
/// </summary>
public sealed class MonitorSupervisor : ReceiveActor
{
    private readonly MonitorServices _services;

    private MonitorSupervisor(StandbyOpsConfig config, MonitorServices services)
    {
        _services = services;
        Receive<ApplyConfiguration>(m => Apply(m.Config));
        Receive<ForSystem>(m =>
        {
            if (Context.Child(MonitoredSystem.ActorNameOf(m.SystemId)) is { } child)
            {
                child.Tell(m.Message, Sender);
            }
            else
            {
                Unhandled(m);
            }
        });
        Apply(config);
    }

    /// <summary>The props of the supervisor for <paramref name="config"/>.</summary>
    public static Props Props(StandbyOpsConfig config, MonitorServices services) =>
        Actors.Props.Create(() => new MonitorSupervisor(config, services));

    /// <summary>Every system of the configuration with its customer.</summary>
    public static IEnumerable<MonitoredSystem> SystemsOf(StandbyOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Customers.Values.SelectMany(c => c.Systems.Values.Select(s => new MonitoredSystem(c.Id, s)));
    }

    private void Apply(StandbyOpsConfig config)
    {
        var wanted = SystemsOf(config).ToDictionary(s => s.ActorName, StringComparer.Ordinal);
        foreach (var child in Context.Children)
        {
            var name = child.Path[(child.Path.LastIndexOf('/') + 1)..];
            if (!wanted.ContainsKey(name))
            {
                Context.Stop(child);
                _services.Board.RemoveSystem(name["system-".Length..]);
            }
        }

        foreach (var (name, target) in wanted)
        {
            if (Context.Child(name) is { } existing)
            {
                existing.Tell(new Reconfigure(target));
            }
            else
            {
                Context.ActorOf(SystemMonitor.Props(target, _services), name);
            }
        }
    }
}
