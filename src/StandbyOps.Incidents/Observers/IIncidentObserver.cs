using StandbyOps.Incidents.Desk;

namespace StandbyOps.Incidents.Observers;

/// <summary>
/// Hears about incident changes after they are committed (so a crash never announces an incident the store lost).
/// Register implementations in DI; every method has an empty default. The desk awaits each observer before its
/// caller gets the answer; keep the work to store writes and tells, never a call to the outside world. A crash
/// between the commit and an observer loses the call, so what must follow a change for sure is written as an
/// intent in the desk's own transaction instead (paging's start is). No cancellation token is
/// passed: the change is committed, and following it must not depend on the caller still waiting. An exception is
/// logged and never fails the desk call. Changes that happened while the process was down are not replayed:
/// rebuild from <see cref="IncidentDesk.ListAsync"/> at start.
/// </summary>
public interface IIncidentObserver
{
    /// <summary>A new incident opened.</summary>
    Task OnOpenedAsync(Incident incident) => Task.CompletedTask;

    /// <summary>A failure on a resolved incident made it open again (acknowledgement cleared).</summary>
    Task OnReopenedAsync(Incident incident) => Task.CompletedTask;

    /// <summary>Someone acknowledged the incident.</summary>
    Task OnAcknowledgedAsync(Incident incident) => Task.CompletedTask;

    /// <summary>The incident was resolved (by recovery or by hand).</summary>
    Task OnResolvedAsync(Incident incident) => Task.CompletedTask;

    /// <summary>The incident was closed.</summary>
    Task OnClosedAsync(Incident incident) => Task.CompletedTask;
}
