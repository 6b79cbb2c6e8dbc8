namespace StandbyOps.Configuration;

/// <summary>How serious a configuration diagnostic is: errors stop the server from starting, warnings do not.</summary>
public enum ConfigSeverity
{
    Warning,
    Error,
}
