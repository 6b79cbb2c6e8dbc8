using NodaTime;
using StandbyOps.Configuration.Teams;
using StandbyOps.Server.Rota;
using StandbyOps.Server.Web.Pictures;
using CoreRota = StandbyOps.Core.Rota.Rota;

namespace StandbyOps.Server.Web;

/// <summary>
/// The lanes of a team's rota over a period: on call, backup and duty from the rota (overrides applied, as paging sees it),
/// the overrides themselves, and per customer of the team its agreed standby (recurring and one-off) and business hours.
/// </summary>
public static class RotaTimeline
{
    /// <summary>The lanes over [<paramref name="from"/>, <paramref name="to"/>) sampled every <paramref name="step"/>.</summary>
    public static IReadOnlyList<TimelineLane> Lanes(
        TeamConfig team, CoreRota rota, IReadOnlyList<StoredOverride> overrides, IReadOnlyList<RotaCustomerLane> customers, Instant from, Instant to, Duration step)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(rota);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(customers);
        var edges = overrides.SelectMany(o => new[] { o.Start, o.End })
            .Concat(customers.SelectMany(c => c.Periods.SelectMany(p => new[] { p.Period.Start, p.Period.End })));
        var points = TimelineRuns.Points(from, to, step, edges);
        var lanes = new List<TimelineLane>
        {
            Lane("On call", "oncall", TimelineRuns.Of(points, to, t => Name(team, rota.OnCallAt(t)))),
            Lane("Backup", "backup", TimelineRuns.Of(points, to, t => Name(team, rota.BackupAt(t)))),
        };
        if (rota.Duty is not null)
        {
            lanes.Add(Lane("Duty", "duty", TimelineRuns.Of(points, to, t => Name(team, rota.DutyAt(t)))));
        }

        lanes.Add(new TimelineLane("Overrides", overrides.Where(o => o.End > from && o.Start < to)
            .Select(o => new TimelineBar(o.Start, o.End, "override", Name(team, o.Engineer)!)).ToList()));
        foreach (var c in customers)
        {
            var periods = c.Periods.Select(p => p.Period).ToList();
            var bars = TimelineRuns.Of(points, to, t => c.Contract.IsInsideAgreedStandby(t, periods) ? "standby" : c.Contract.Calendar.IsOpen(t) ? "office" : null)
                .Select(r => new TimelineBar(r.Start, r.End, r.Value, r.Value == "standby" ? "standby" : "office hours")).ToList();
            lanes.Add(new TimelineLane(c.Customer.Name, bars));
        }

        return lanes;
    }

    private static TimelineLane Lane(string label, string css, IReadOnlyList<(Instant Start, Instant End, string Value)> runs) =>
        new(label, runs.Select(r => new TimelineBar(r.Start, r.End, css, r.Value)).ToList());

    private static string? Name(TeamConfig team, string? engineer) =>
        engineer is null ? null : team.Engineers.TryGetValue(engineer, out var e) && !string.IsNullOrWhiteSpace(e.Name) ? e.Name : engineer;
}
