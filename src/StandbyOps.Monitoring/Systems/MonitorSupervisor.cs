using System.Data.Common;
using Akka.Actor;
using StandbyOps.Configuration;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// Parent of one <see cref="SystemMonitor"/> per configured system. Messages reach a monitor as a
/// <see cref="MonitorEnvelope"/> routed by <see cref="MonitorMessageExtractor"/> (by system id, as
/// Cluster.Sharding will); a reload keeps the monitors of unchanged systems and the state of their
/// unchanged checks.
/// </summary>
public sealed class MonitorSupervisor : ReceiveActor
{
    private readonly MonitorServices _services;
    private readonly MonitorMessageExtractor _extractor = new();
    private readonly Dictionary<string, IActorRef> _monitors = new(StringComparer.Ordinal);

    /// <summary>Creates the supervisor (Akka creates it from <see cref="Props"/>).</summary>
    public MonitorSupervisor(StandbyOpsConfig config, MonitorServices services)
    {
        _services = services;
        Receive<ApplyConfiguration>(m => Apply(m.Config));
        Receive<MonitorEnvelope>(Route);
        Receive<Terminated>(t => Forget(t.ActorRef));
        Receive<DrainMonitors>(_ => Drain());
        Apply(config);
    }

    /// <summary>The props of the supervisor for <paramref name="config"/>.</summary>
    public static Props Props(StandbyOpsConfig config, MonitorServices services) =>
        Akka.Actor.Props.Create(() => new MonitorSupervisor(config, services)).WithSupervisorStrategy(Strategy());

    /// <summary>
    /// How a failing monitor is handled, by failure type: one that cannot even be built (a configuration the
    /// validator let through) is stopped, since a restart would fail the same way; a store or I/O error is
    /// transient and restarts it (it reloads its state from the store); anything else restarts it too, at most
    /// ten times a minute, after which it is stopped rather than fail the whole monitoring tree.
    /// </summary>
    public static SupervisorStrategy Strategy() => new OneForOneStrategy(
        maxNrOfRetries: 10,
        withinTimeRange: TimeSpan.FromMinutes(1),
        localOnlyDecider: ex => ex switch
        {
            ActorInitializationException or ArgumentException => Directive.Stop,
            DbException or IOException or TimeoutException => Directive.Restart,
            _ => Directive.Restart,
        });

    /// <summary>Every system of the configuration with its customer.</summary>
    public static IEnumerable<MonitoredSystem> SystemsOf(StandbyOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Customers.Values.SelectMany(c => c.Systems.Values.Select(s => new MonitoredSystem(c.Id, s)));
    }

    private void Forget(IActorRef stopped)
    {
        foreach (var (id, _) in _monitors.Where(kv => kv.Value.Equals(stopped)).ToList())
        {
            _monitors.Remove(id);
        }
    }

    /// <summary>Each monitor gets a <see cref="PoisonPill"/> behind the messages it has; the supervisor stops once all have stopped.</summary>
    private void Drain()
    {
        foreach (var monitor in _monitors.Values)
        {
            monitor.Tell(PoisonPill.Instance);
        }

        Become(() =>
        {
            Receive<MonitorEnvelope>(Route);
            Receive<Terminated>(t =>
            {
                Forget(t.ActorRef);
                StopWhenDrained();
            });
        });
        StopWhenDrained();
    }

    private void StopWhenDrained()
    {
        if (_monitors.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private void Route(MonitorEnvelope envelope)
    {
        if (_extractor.EntityId(envelope) is { } id && _monitors.TryGetValue(id, out var monitor))
        {
            monitor.Forward(_extractor.EntityMessage(envelope));
        }
        else
        {
            Unhandled(envelope);
        }
    }

    private void Apply(StandbyOpsConfig config)
    {
        var wanted = SystemsOf(config).ToDictionary(s => s.System.Id, StringComparer.Ordinal);
        foreach (var (id, monitor) in _monitors.Where(kv => !wanted.ContainsKey(kv.Key)).ToList())
        {
            Context.Unwatch(monitor);
            Context.Stop(monitor);
            _monitors.Remove(id);
            _services.Board.RemoveSystem(id);
        }

        foreach (var (id, target) in wanted)
        {
            if (_monitors.TryGetValue(id, out var existing))
            {
                existing.Tell(new Reconfigure(target));
            }
            else
            {
                var monitor = Context.ActorOf(SystemMonitor.Props(target, _services), target.ActorName);
                Context.Watch(monitor);
                _monitors[id] = monitor;
            }
        }
    }
}
