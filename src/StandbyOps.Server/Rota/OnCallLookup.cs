using NodaTime;
using StandbyOps.Configuration.Teams;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Incidents.Sla;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Rota;

/// <summary>
/// "Who is on call for customer C at instant t" through the rota (overrides included), the contract's
/// standby agreement and one-off standby periods; the API and the web UI both ask here.
/// </summary>
public sealed class OnCallLookup(LiveConfig live, TeamRotas rotas, IStandbyPeriodSource standbyPeriods)
{
    /// <summary>The answer for <paramref name="customer"/> at <paramref name="at"/>, or null for an unknown customer.</summary>
    public async Task<OnCallNow?> ForAsync(string customer, Instant at, CancellationToken cancellationToken = default)
    {
        var config = live.Current;
        if (!config.Customers.TryGetValue(customer, out var customerConfig))
        {
            return null;
        }

        var contract = CustomerContract.FromConfig(config, customerConfig);
        var oneOff = await standbyPeriods.PeriodsAsync(customerConfig.Id, new Interval(at, at + Duration.Epsilon), cancellationToken).ConfigureAwait(false);
        OnCallPerson? onCall = null, backup = null, duty = null;
        if (customerConfig.Team is { } teamId && rotas.Team(teamId) is { } team
            && await rotas.ForAsync(teamId, cancellationToken).ConfigureAwait(false) is { } rota)
        {
            onCall = Person(team, rota.OnCallAt(at));
            backup = Person(team, rota.BackupAt(at));
            duty = Person(team, rota.DutyAt(at));
        }

        return new OnCallNow(customerConfig.Id, at, contract.IsInsideAgreedStandby(at, oneOff), contract.Calendar.IsOpen(at), onCall, backup, duty);
    }

    private static OnCallPerson? Person(TeamConfig team, string? engineer) =>
        engineer is null ? null
            : team.Engineers.TryGetValue(engineer, out var details) ? new OnCallPerson(engineer, details.Name, details.Phone)
            : new OnCallPerson(engineer, null, null);
}
