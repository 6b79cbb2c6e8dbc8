using StandbyOps.Configuration;

namespace StandbyOps.Monitoring.Systems;

/// <summary>Apply a (re)loaded configuration: start, reconfigure or stop system monitors to match it.</summary>
public sealed record ApplyConfiguration(StandbyOpsConfig Config);
