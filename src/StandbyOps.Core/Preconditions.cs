using System.Runtime.CompilerServices;
using NodaTime;

namespace StandbyOps.Core;

/// <summary>
/// Argument checks at the edge of the domain types (Core's and billing's), so their insides can trust their values.
/// The one set of guards of the product: a project that needs another adds it here.
/// </summary>
public static class Preconditions
{
    public static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

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
        return IsWholeMinutesOfHours(hours)
            ? hours
            : throw new ArgumentException($"{name} must be a whole number of minutes (got {hours} h).", name);
    }

    /// <summary>Whether <paramref name="hours"/> is a whole number of minutes (the rule <see cref="WholeMinutesOfHours"/> and the configuration check).</summary>
    public static bool IsWholeMinutesOfHours(decimal hours) => hours * 60m == decimal.Truncate(hours * 60m);

    public static LocalTime WholeMinute(LocalTime time, string name) =>
        time.Second == 0 && time.NanosecondOfSecond == 0
            ? time
            : throw new ArgumentException($"{name} must be on a whole minute (got {time}).", name);

    public static void Require(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>As above; the interpolated message is only formatted when the check fails, so hot paths pay nothing for it.</summary>
    public static void Require(bool condition, string paramName, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    /// <summary>Generic so that checking a struct on a hot path does not box it unless the check fails.</summary>
    public static void CheckRange<T>(bool condition, string paramName, T actual, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actual, message);
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
