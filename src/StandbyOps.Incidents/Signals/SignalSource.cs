namespace StandbyOps.Incidents.Signals;

/// <summary>Where a failure or recovery signal came from; written lower case (<c>check</c>, <c>heartbeat</c>, <c>push</c>, <c>alertmanager</c>; tickets from people: <c>desk</c>, <c>portal</c>, <c>email</c>).</summary>
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

    /// <summary>A ticket the desk opened for a customer (a phone call, or by API).</summary>
    Desk,

    /// <summary>A ticket a customer's contact opened in the portal.</summary>
    Portal,

    /// <summary>A ticket opened by a mail to the support mailbox.</summary>
    Email,
}
