using StandbyOps.Incidents.Desk;

namespace StandbyOps.Incidents.Observers;

/// <summary>
/// Hears about incident changes after they are committed (so a crash never announces an incident the store lost).
/// Register implementations in DI; every method has an empty default. Called inline on the desk's caller, so keep
/// them quick (tell an actor, don't do I/O); an exception is logged and never fails the desk call. Changes that
/// happened while the process was down are not replayed: rebuild from <see cref="IncidentDesk.ListAsync"/> at start.
/// </summary>
public interface IIncidentObserver
{
    void OnOpened(Incident incident)
    {
    }

    /// <summary>A failure on a resolved incident made it open again (acknowledgement cleared).</summary>
    void OnReopened(Incident incident)
    {
    }

    void OnAcknowledged(Incident incident)
    {
    }

    void OnResolved(Incident incident)
    {
    }

    void OnClosed(Incident incident)
    {
    }
}
