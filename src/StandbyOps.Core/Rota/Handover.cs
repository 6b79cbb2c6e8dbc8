using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Core.Rota;

/// <summary>
/// When a rotation hands over, in the team's zone: a weekday and local time for weekly rotations
/// (<c>"mon 08:30"</c>), a local time for daily ones (<c>"08:30"</c>).
/// </summary>
public sealed record Handover(IsoDayOfWeek? Day, LocalTime Time)
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public IsoDayOfWeek? Day { get; } = Day is null or (>= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday)
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, "Not a day of the week.");

    /// <summary>Parses <c>"mon 08:30"</c> or <c>"08:30"</c> (days <c>mon</c>…<c>sun</c>, case-insensitive).</summary>
    public static Handover Parse(string text)
    {
        Preconditions.NotNull(text, nameof(text));
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IsoDayOfWeek? day = null;
        if (parts.Length == 2)
        {
            var index = Array.FindIndex(DayNames, d => d.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new FormatException($"Invalid handover '{text}': '{parts[0]}' is not a day mon…sun.");
            }

            day = (IsoDayOfWeek)(index + 1);
        }
        else if (parts.Length != 1)
        {
            throw new FormatException($"Invalid handover '{text}': expected 'mon 08:30' or '08:30'.");
        }

        var time = TimePattern.Parse(parts[^1]);
        return time.Success
            ? new Handover(day, time.Value)
            : throw new FormatException($"Invalid handover '{text}': '{parts[^1]}' is not a time 'HH:mm'.");
    }

    public override string ToString()
    {
        var time = Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return Day is { } day ? $"{DayNames[(int)day - 1]} {time}" : time;
    }
}
