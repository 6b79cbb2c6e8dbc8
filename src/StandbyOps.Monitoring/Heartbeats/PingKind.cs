namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>What a ping on <c>/ping/{token}</c> says (Healthchecks.io conventions).</summary>
public enum PingKind
{
    /// <summary><c>/ping/{token}</c> or exit code 0: the job succeeded.</summary>
    Success,

    /// <summary><c>/ping/{token}/start</c>: a run began; success must follow within the grace time.</summary>
    Start,

    /// <summary><c>/ping/{token}/fail</c> or a non-zero exit code: the job failed.</summary>
    Fail,
}
