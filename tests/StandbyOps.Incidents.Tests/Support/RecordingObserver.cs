using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;

namespace StandbyOps.Incidents.Tests.Support;

/// <summary>Records every notification as <c>kind:caseNumber</c>.</summary>
public sealed class RecordingObserver : IIncidentObserver
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void OnOpened(Incident incident) => Add("opened", incident);

    public void OnReopened(Incident incident) => Add("reopened", incident);

    public void OnAcknowledged(Incident incident) => Add("acknowledged", incident);

    public void OnResolved(Incident incident) => Add("resolved", incident);

    public void OnClosed(Incident incident) => Add("closed", incident);

    private void Add(string kind, Incident incident)
    {
        lock (_events)
        {
            _events.Add($"{kind}:{incident.CaseNumber}");
        }
    }
}
