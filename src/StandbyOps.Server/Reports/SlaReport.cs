using NodaTime;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Server.Reports;

/// <summary>
/// <c>GET /api/v1/reports/sla?customer=&amp;month=</c>: a customer's month (in its calendar's zone) of tickets by
/// priority against the contract's deadlines, agreed standby hours, callouts and each system's availability against
/// its target. The deadline counts are read from the incidents' own fields, never recomputed.
/// </summary>
public sealed record SlaReport(
    string Customer,
    string Month,
    Instant From,
    Instant To,
    IReadOnlyList<SlaPriorityFigures> Priorities,
    SlaPriorityFigures Total,
    decimal StandbyHours,
    int Callouts,
    decimal CalloutHours,
    IReadOnlyList<SystemAvailability> Availability)
{
    /// <summary>The figures of <paramref name="incidents"/> (those opened in the month) for one priority label.</summary>
    public static SlaPriorityFigures Figures(string label, IReadOnlyCollection<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var acknowledge = incidents.Where(i => i.AcknowledgedAt is not null).Select(i => (i.AcknowledgedAt!.Value - i.OpenedAt).TotalMinutes).ToList();
        var resolve = incidents.Where(i => i.ResolvedAt is not null).Select(i => (i.ResolvedAt!.Value - i.OpenedAt).TotalMinutes).ToList();
        return new SlaPriorityFigures(
            label,
            incidents.Count,
            incidents.Count(i => i.ResponseDueAt is not null && !i.ResponseBreached && i.RespondedAt is not null),
            incidents.Count(i => i.ResponseBreached),
            incidents.Count(i => i.ResponseDueAt is not null && !i.ResponseBreached && i.RespondedAt is null),
            incidents.Count(i => i.ResolutionDueAt is not null && !i.ResolutionBreached && i.ResolvedAt is not null),
            incidents.Count(i => i.ResolutionBreached),
            incidents.Count(i => i.ResolutionDueAt is not null && !i.ResolutionBreached && i.ResolvedAt is null),
            Mean(acknowledge),
            P90(acknowledge),
            Mean(resolve),
            P90(resolve));
    }

    /// <summary>The figures per priority P1..P4 and in total.</summary>
    public static (IReadOnlyList<SlaPriorityFigures> Priorities, SlaPriorityFigures Total) FiguresOf(IReadOnlyCollection<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var priorities = Enum.GetValues<Core.Sla.Priority>()
            .Select(p => Figures(p.ToString(), incidents.Where(i => i.Priority == p).ToList()))
            .ToList();
        return (priorities, Figures("all", incidents));
    }

    private static double? Mean(List<double> values) => values.Count == 0 ? null : Math.Round(values.Average(), 1);

    private static double? P90(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(0.9 * values.Count);
        return Math.Round(values[Math.Max(0, rank - 1)], 1);
    }
}
