namespace StandbyOps.Incidents.Signals;

/// <summary>Where a failure or recovery signal came from; written lower case (<c>check</c>, <c>heartbeat</c>, <c>push</c>, <c>alertmanager</c>).</summary>
public enum SignalSource
{
    /// <summary>An active check (HTTP, TCP, ping, TLS, DNS) run by a monitor actor.</summary>
    Check,

    /// <summary>A dead-man's-switch heartbeat that did not arrive in time.</summary>
    Heartbeat,

    /// <summary>A pushed event matched by a push rule.</summary>
    Push,

    /// <summary>An alert from the Prometheus Alertmanager webhook.</summary>
    Alertmanager,
}
