using System.Collections.ObjectModel;
using NodaTime;
using StandbyOps.Configuration.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration.Calendars;

/// <summary>Reads one entry of <c>calendars:</c>.</summary>
internal static class CalendarSection
{
    private static readonly string[] Keys = ["timeZone", "hours", "holidays", "extra", "except"];

    /// <summary>
    /// A calendar with the position later checks report at. <c>NeverOpen</c>: its <c>hours</c> are written but name no
    /// opening range for any day (<c>hours: {}</c>, or only days without a value), so it is closed all week.
    /// </summary>
    public sealed record CalendarEntry(CalendarConfig Config, Mark Anchor, bool NeverOpen);

    public static CalendarEntry? Read(ConfigReader reader, string id, MappingReader.Entry entry)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"calendar '{id}'", Keys) is not { } calendar)
        {
            return null;
        }

        var zone = calendar.Parse("timeZone", Zones.Parse, DateTimeZone.Utc, "Europe/Amsterdam");
        var (hours, neverOpen) = ReadHours(calendar);
        var holidaySets = ReadHolidaySets(calendar);
        var extra = calendar.ParseList("extra", TimeText.ParseDate);
        var except = calendar.ParseList("except", TimeText.ParseDate);
        return new CalendarEntry(new CalendarConfig(id, zone, hours, holidaySets, extra, except), entry.KeyMark, neverOpen);
    }

    /// <summary>
    /// The ranges per weekday, and whether <c>hours</c> is written without a single range. A missing <c>hours</c> is
    /// already an error and does not count as never open; nor does a day whose value is invalid, as its own error says
    /// what is wrong.
    /// </summary>
    private static (IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeRange>> Hours, bool NeverOpen) ReadHours(MappingReader calendar)
    {
        var perDay = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
            .ToDictionary(d => d, _ => new List<(TimeRange Range, Mark Mark)>());
        var neverOpen = false;
        if (calendar.Mapping("hours", $"hours of {calendar.What}", allowedKeys: null, requiredExample: "{ mon-fri: \"08:30-17:00\" }") is { } hours)
        {
            neverOpen = hours.Entries.All(day => ConfigReader.IsNull(day.Value) || day.Value is YamlSequenceNode { Children.Count: 0 });
            foreach (var day in hours.Entries)
            {
                var days = DayNames.Parse(day.Key);
                if (!days.Ok)
                {
                    calendar.Reader.Error(day.KeyMark, $"invalid day '{day.Key}' in hours of {calendar.What}: {days.Problem}", days.Fix);
                    continue;
                }

                foreach (var range in ReadRanges(hours, day))
                {
                    foreach (var d in days.Value)
                    {
                        perDay[d].Add(range);
                    }
                }
            }

            ReportOverlaps(calendar, perDay);
        }

        var sorted = new ReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeRange>>(perDay.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<TimeRange>)p.Value.Select(r => r.Range).OrderBy(r => r.From).ToList()));
        return (sorted, neverOpen);
    }

    private static List<(TimeRange Range, Mark Mark)> ReadRanges(MappingReader hours, MappingReader.Entry day)
    {
        var ranges = new List<(TimeRange, Mark)>();
        foreach (var item in hours.Items(day.Key))
        {
            if (hours.Reader.Scalar(item, day.Key, hours.What) is { } scalar
                && hours.TryParse(scalar, $"opening range for {day.Key}", TimeText.ParseRanges, out var parsed))
            {
                ranges.AddRange(parsed.Select(r => (r, scalar.Start)));
            }
        }

        return ranges;
    }

    /// <summary>One error per pair of overlapping ranges, listing the days it affects, at the range written later.</summary>
    private static void ReportOverlaps(MappingReader calendar, Dictionary<IsoDayOfWeek, List<(TimeRange Range, Mark Mark)>> perDay)
    {
        var overlaps = new List<(TimeRange First, TimeRange Second, Mark Mark, IsoDayOfWeek Day)>();
        foreach (var (day, ranges) in perDay)
        {
            var sorted = ranges.OrderBy(r => r.Range.From).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var earlier = sorted[j].Range;
                    if (earlier.EndsAtMidnight || sorted[i].Range.From < earlier.To)
                    {
                        var later = sorted[i].Mark.Index >= sorted[j].Mark.Index ? sorted[i] : sorted[j];
                        overlaps.Add((earlier, sorted[i].Range, later.Mark, day));
                    }
                }
            }
        }

        foreach (var group in overlaps.GroupBy(o => (o.First, o.Second, o.Mark)))
        {
            var days = string.Join(", ", group.Select(o => DayNames.Name(o.Day)));
            calendar.Reader.Error(group.Key.Mark,
                $"opening ranges {group.Key.First} and {group.Key.Second} overlap on {days} in hours of {calendar.What}",
                "make the ranges of each day separate, e.g. \"08:30-12:00,13:00-17:00\"; give a day that differs its own key (mon-thu: ..., fri: ...) instead of repeating it");
        }
    }

    private static List<string> ReadHolidaySets(MappingReader calendar)
    {
        var sets = new List<string>();
        foreach (var item in calendar.Items("holidays"))
        {
            if (calendar.Reader.Scalar(item, "holidays", calendar.What) is not { } scalar)
            {
                continue;
            }

            var name = scalar.Value.Trim();
            if (!KnownHolidaySets.IsKnown(name))
            {
                calendar.Reader.Error(scalar.Start, $"unknown holiday set '{scalar.Shown}' in {calendar.What}",
                    $"{Suggestions.DidYouMean(name, KnownHolidaySets.Names)}built-in sets: {string.Join(", ", KnownHolidaySets.Names)}; add single dates with 'extra'");
            }
            else if (!sets.Contains(name))
            {
                sets.Add(name);
            }
        }

        return sets;
    }
}
