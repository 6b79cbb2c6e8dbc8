using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace StandbyOps.Billing;

/// <summary>Argument checks at the edge of the billing types, so their insides can trust their values.</summary>
internal static class Preconditions
{
    public static T NotNull<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{name} must not be empty.", name)
            : value;

    public static decimal NonNegative(decimal value, string name) =>
        value < 0
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.")
            : value;

    /// <summary>Billing runs on a whole-minute grid, so hour amounts must be whole minutes.</summary>
    public static decimal WholeMinutesOfHours(decimal hours, string name)
    {
        NonNegative(hours, name);
        var minutes = hours * 60m;
        return minutes == decimal.Truncate(minutes)
            ? hours
            : throw new ArgumentException($"{name} must be a whole number of minutes (got {hours} h).", name);
    }

    public static LocalTime WholeMinute(LocalTime time, string name) =>
        time.Second == 0 && time.NanosecondOfSecond == 0
            ? time
            : throw new ArgumentException($"{name} must be on a whole minute (got {time}).", name);

    public static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }

    /// <summary>As above; the interpolated message is only formatted when the check fails, so hot paths pay nothing for it.</summary>
    public static void Require(bool condition, string name, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), name);
        }
    }

    public static (Instant Start, Instant End) Period(Instant start, Instant end, string what)
    {
        if (end < start)
        {
            throw new ArgumentException($"{what} ends ({end}) before it starts ({start}).", nameof(end));
        }

        if (end == start)
        {
            throw new ArgumentException($"{what} is empty: it starts and ends at {start}.", nameof(end));
        }

        return (start, end);
    }
}

/// <summary>Builds a <see cref="Preconditions"/> message (in the invariant culture) only when its condition is false.</summary>
[InterpolatedStringHandler]
internal ref struct FailureMessage
{
    private DefaultInterpolatedStringHandler _text;

    public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
