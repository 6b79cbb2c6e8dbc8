namespace StandbyOps.Storage.Tokens;

/// <summary>What an API token may do. <see cref="Pusher"/> and <see cref="Customer"/> are scoped to one customer.</summary>
public enum TokenRole
{
    /// <summary>Everything, including token management.</summary>
    Admin,

    /// <summary>The support desk: incidents, overrides, standby periods.</summary>
    Desk,

    /// <summary>On-call engineers: acknowledge, resolve, notes.</summary>
    Engineer,

    /// <summary>Finance: invoices, callouts, reports.</summary>
    Finance,

    /// <summary>Hosts pushing metrics and Alertmanager; scoped to one customer.</summary>
    Pusher,

    /// <summary>A customer's read-only portal; scoped to one customer.</summary>
    Customer,
}
