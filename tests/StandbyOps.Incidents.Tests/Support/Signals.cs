using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;

namespace StandbyOps.Incidents.Tests.Support;

/// <summary>Failure and recovery signals with test defaults (customer acme, system webshop, a check).</summary>
public static class Signals
{
    public static FailureSignal Failure(
        Instant at,
        string dedupKey = "webshop/home",
        Priority priority = Priority.P1,
        string customer = "acme",
        string system = "webshop",
        bool autoResolve = true) =>
        new(customer, system, SignalSource.Check, dedupKey, priority, $"{dedupKey} is down", "HTTP 503", at, autoResolve);

    public static RecoverySignal Recovery(Instant at, string dedupKey = "webshop/home", string customer = "acme", string system = "webshop") =>
        new(customer, system, SignalSource.Check, dedupKey, "HTTP 200 twice", at);
}
