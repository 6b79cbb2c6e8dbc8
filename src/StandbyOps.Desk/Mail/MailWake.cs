using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// After a desk change commits, wakes the intent relay so the customer mail <see cref="TicketNotices"/> queued in that
/// transaction goes out now rather than at the relay's next poll. Losing a wake (a crash) only delays the mail.
/// </summary>
public sealed class MailWake(DeskOptions options) : IIncidentObserver
{
    public Task OnOpenedAsync(Incident incident) => Wake();

    public Task OnAcknowledgedAsync(Incident incident) => Wake();

    public Task OnResolvedAsync(Incident incident) => Wake();

    public Task OnClosedAsync(Incident incident) => Wake();

    private Task Wake()
    {
        options.Wake();
        return Task.CompletedTask;
    }
}
