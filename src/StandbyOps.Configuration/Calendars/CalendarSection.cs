using System.Collections.ObjectModel;
using NodaTime;
using StandbyOps.Configuration.Reading;
using StandbyOps.Core.Holidays;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.Configuration.Calendars;

/// <summary>Reads one entry of <c>calendars:</c>.</summary>
internal static class CalendarSection
{
    private static readonly string[] Keys = ["timeZone", "hours", "holidays", "extra", "except", "rules"];
    private static readonly string[] RuleKeys = ["name", "date", "easterOffset", "nth", "weekday", "month", "offsetDays"];
    private const string RuleExamples = "write { name: Company day, date: \"06-01\" }, { name: Day after Ascension, easterOffset: 40 } or { name: Thanksgiving Friday, nth: 4, weekday: thu, month: 11, offsetDays: 1 }";

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
        var rules = ReadRules(calendar);
        return new CalendarEntry(new CalendarConfig(id, zone, hours, holidaySets, extra, except, rules), entry.KeyMark, neverOpen);
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

    /// <summary>The calendar's own holiday rules: each names exactly one of <c>date</c>, <c>easterOffset</c> or <c>nth</c>.</summary>
    private static List<OwnHolidayRule> ReadRules(MappingReader calendar)
    {
        var rules = new List<OwnHolidayRule>();
        foreach (var item in calendar.Items("rules"))
        {
            if (calendar.Reader.Mapping(item, item.Start, $"a holiday rule in {calendar.What}", RuleKeys) is not { } rule)
            {
                continue;
            }

            var name = rule.RequiredString("name", "Company day").Trim();
            var kinds = new[] { "date", "easterOffset", "nth" }.Where(rule.Has).ToList();
            if (kinds.Count != 1)
            {
                calendar.Reader.Error(item.Start, $"holiday rule '{name}' in {calendar.What} names {(kinds.Count == 0 ? "none" : string.Join(" and ", kinds))} of date, easterOffset and nth; it needs exactly one", RuleExamples);
                continue;
            }

            if (name.Length == 0)
            {
                continue;
            }

            switch (kinds[0])
            {
                case "date":
                    if (rule.TryParse("date", ParseMonthDay, out var monthDay))
                    {
                        rules.Add(OwnHolidayRule.Fixed(name, monthDay.Month, monthDay.Day));
                    }

                    break;
                case "easterOffset":
                    rules.Add(OwnHolidayRule.FromEaster(name, rule.Int("easterOffset", 0, -100, 300)));
                    break;
                default:
                    var nth = rule.Int("nth", 1, 1, 5);
                    var month = rule.Parse("month", text => MappingReader.ParseInt(text, 1, 12), 0, "11");
                    var weekday = rule.Parse("weekday", ParseWeekday, IsoDayOfWeek.None, "thu");
                    var offset = rule.Int("offsetDays", 0, -31, 31);
                    if (month != 0 && weekday != IsoDayOfWeek.None)
                    {
                        rules.Add(OwnHolidayRule.NthWeekday(name, month, weekday, nth, offset));
                    }

                    break;
            }
        }

        return rules;
    }

    private static Parsed<(int Month, int Day)> ParseMonthDay(string text)
    {
        var parts = text.Trim().Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(2000, month)
            ? Parsed.Success((month, day))
            : Parsed.Failure<(int, int)>("not a month and day", "write the date as \"MM-dd\", e.g. \"06-01\" for 1 June (every year)");
    }

    private static Parsed<IsoDayOfWeek> ParseWeekday(string text)
    {
        var days = DayNames.Parse(text.Trim());
        return days.Ok && days.Value.Count == 1
            ? Parsed.Success(days.Value[0])
            : Parsed.Failure<IsoDayOfWeek>("not one day name", $"write one of {string.Join(", ", DayNames.Names)}");
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
