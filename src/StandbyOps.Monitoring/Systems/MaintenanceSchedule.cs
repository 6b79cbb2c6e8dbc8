using NodaTime;
using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Time;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// A system's maintenance windows: weekly ones in their zone (a window whose end is not after its
/// start runs past midnight into the next day) and one-off ones. Inside a window failures are
/// recorded but open no incident.
/// </summary>
public sealed class MaintenanceSchedule(IReadOnlyList<MaintenanceWindowConfig> windows)
{
    /// <summary>No maintenance at all.</summary>
    public static MaintenanceSchedule None { get; } = new([]);

    /// <summary>True when <paramref name="t"/> falls inside any window.</summary>
    public bool IsInMaintenance(Instant t)
    {
        foreach (var window in windows)
        {
            if (window switch
            {
                WeeklyMaintenanceConfig weekly => InsideWeekly(weekly, t),
                OneOffMaintenanceConfig once => t >= LocalTimePolicy.ToInstant(once.From, once.Zone) && t < LocalTimePolicy.ToInstant(once.To, once.Zone),
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The windows that overlap [<paramref name="from"/>, <paramref name="to"/>), by start: what a status page announces.</summary>
    public IReadOnlyList<Interval> WindowsBetween(Instant from, Instant to)
    {
        var found = new List<Interval>();
        foreach (var window in windows)
        {
            if (window is OneOffMaintenanceConfig once)
            {
                found.Add(new Interval(LocalTimePolicy.ToInstant(once.From, once.Zone), LocalTimePolicy.ToInstant(once.To, once.Zone)));
            }
            else if (window is WeeklyMaintenanceConfig weekly)
            {
                var last = to.InZone(weekly.Zone).Date;
                for (var date = from.InZone(weekly.Zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
                {
                    if (weekly.Days.Contains(date.DayOfWeek))
                    {
                        found.Add(new Interval(
                            LocalTimePolicy.ToInstant(date, weekly.From, weekly.Zone),
                            LocalTimePolicy.ToInstant(weekly.CrossesMidnight ? date.PlusDays(1) : date, weekly.To, weekly.Zone)));
                    }
                }
            }
        }

        return found.Where(w => w.End > from && w.Start < to).OrderBy(w => w.Start).ToList();
    }

    private static bool InsideWeekly(WeeklyMaintenanceConfig weekly, Instant t)
    {
        var local = t.InZone(weekly.Zone).LocalDateTime;
        // A window that crosses midnight may have started the day before.
        foreach (var startDate in (ReadOnlySpan<LocalDate>)[local.Date, local.Date.PlusDays(-1)])
        {
            if (!weekly.Days.Contains(startDate.DayOfWeek))
            {
                continue;
            }

            var start = LocalTimePolicy.ToInstant(startDate, weekly.From, weekly.Zone);
            var end = LocalTimePolicy.ToInstant(weekly.CrossesMidnight ? startDate.PlusDays(1) : startDate, weekly.To, weekly.Zone);
            if (t >= start && t < end)
            {
                return true;
            }
        }

        return false;
    }
}
