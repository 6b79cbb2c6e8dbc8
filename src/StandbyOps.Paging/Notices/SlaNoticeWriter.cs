using System.Data.Common;
using Dapper;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Sla;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Notices;

/// <summary>
/// Tells the engineers paged for a ticket when one of its SLA deadlines is near (<c>sla.warnBefore</c>) or breached
/// (DOMAIN.md "Deadlines"): one <see cref="NoticeSmsHandler"/> intent per paged phone, written in the desk's transaction
/// that records the warning or breach, so the SMS goes out once and is never lost. Nobody paged yet: the timeline entry
/// (for the desk) is all. Times are shown in the team's zone.
/// </summary>
public sealed class SlaNoticeWriter(Func<StandbyOpsConfig> config) : IIncidentTransactionObserver
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("ddd HH':'mm");

    /// <inheritdoc />
    public async Task OnChangeAsync(DbConnection connection, DbTransaction transaction, IncidentTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.Kind is not (IncidentChangeKind.SlaWarning or IncidentChangeKind.SlaBreached) || transition.Sla is not { } kind)
        {
            return;
        }

        var incident = transition.Incident;
        var phones = (await connection.QueryAsync<string>(
            "SELECT DISTINCT phone FROM paging_items WHERE case_number = @case AND page_id IS NOT NULL ORDER BY phone",
            new { @case = incident.CaseNumber }, transaction).ConfigureAwait(false)).ToList();
        if (phones.Count == 0)
        {
            return;
        }

        var current = config();
        var customer = current.Customers.GetValueOrDefault(incident.Customer);
        var zone = customer?.Team is { } team && current.Teams.TryGetValue(team, out var t) ? t.Zone : DateTimeZone.Utc;
        var body = Body(incident, kind, transition.Kind == IncidentChangeKind.SlaBreached, zone, customer?.Name ?? incident.Customer);
        foreach (var phone in phones)
        {
            await IntentStore.AddAsync(connection, transaction, NoticeSmsHandler.IntentKind, new NoticePayload(phone, body, incident.CaseNumber).ToJson(), transition.At, transition.At).ConfigureAwait(false);
        }
    }

    /// <summary>The notice text: case, priority, customer, which deadline and when; plain GSM-7, one segment for usual ids.</summary>
    public static string Body(Incident incident, SlaKind kind, bool breached, DateTimeZone zone, string customerName)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var response = kind == SlaKind.Response;
        var due = response ? incident.ResponseDueAt : incident.ResolutionDueAt;
        var when = due is { } at ? Local.Format(at.InZone(zone).LocalDateTime) : "-";
        var what = response ? "response" : "resolution";
        return breached
            ? $"{incident.CaseNumber} {incident.Priority.ToText()} {customerName}: {what} SLA BREACHED (due {when})."
            : $"{incident.CaseNumber} {incident.Priority.ToText()} {customerName}: {what} due {when}. " + (response ? "Not acknowledged yet." : "Not resolved yet.");
    }
}
