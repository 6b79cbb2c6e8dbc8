namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// Shutting down: every monitor handles the messages already queued to it and stops, then the
/// <see cref="MonitorSupervisor"/> stops itself (send it with <c>GracefulStop</c>).
/// </summary>
public sealed record DrainMonitors;
