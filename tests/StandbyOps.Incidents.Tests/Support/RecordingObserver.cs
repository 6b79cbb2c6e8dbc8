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

    public Task OnOpenedAsync(Incident incident) => Add("opened", incident);

    public Task OnReopenedAsync(Incident incident) => Add("reopened", incident);

    public Task OnAcknowledgedAsync(Incident incident) => Add("acknowledged", incident);

    public Task OnResolvedAsync(Incident incident) => Add("resolved", incident);

    public Task OnClosedAsync(Incident incident) => Add("closed", incident);

    private Task Add(string kind, Incident incident)
    {
        lock (_events)
        {
            _events.Add($"{kind}:{incident.CaseNumber}");
        }

        return Task.CompletedTask;
    }
}
