using NodaTime;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Weekdays written <c>mon</c>…<c>sun</c>, ranges such as <c>mon-fri</c> (a range may wrap the
/// week: <c>fri-mon</c>) and comma lists such as <c>mon,wed,fri</c>.
/// </summary>
internal static class DayNames
{
    public const string Fix = "write days as mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or a comma list such as mon,wed";

    public static IReadOnlyList<string> Names { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static Parsed<IReadOnlyList<IsoDayOfWeek>> Parse(string text)
    {
        var days = new List<IsoDayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || bounds.Any(b => !Names.Contains(b, StringComparer.Ordinal)))
            {
                var unknown = bounds.FirstOrDefault(b => !Names.Contains(b, StringComparer.Ordinal)) ?? part;
                var hint = Suggestions.DidYouMean(unknown, Names);
                return Parsed.Failure<IReadOnlyList<IsoDayOfWeek>>("not a day name or day range", hint + Fix);
            }

            var first = Day(bounds[0]);
            var last = Day(bounds[^1]);
            for (var day = first; ; day = Next(day))
            {
                if (days.Contains(day))
                {
                    return Parsed.Failure<IReadOnlyList<IsoDayOfWeek>>(
                        $"{Name(day)} is named more than once", "name each day once");
                }

                days.Add(day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return Parsed.Success<IReadOnlyList<IsoDayOfWeek>>(days);
    }

    public static string Name(IsoDayOfWeek day) => Names[(int)day - 1];

    private static IsoDayOfWeek Day(string name) => (IsoDayOfWeek)(Names.ToList().IndexOf(name) + 1);

    private static IsoDayOfWeek Next(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1;
}
