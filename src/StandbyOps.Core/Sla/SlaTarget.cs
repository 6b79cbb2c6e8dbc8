using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using StandbyOps.Core.Calendars;

namespace StandbyOps.Core.Sla;

/// <summary>How an SLA target counts time.</summary>
public enum SlaTargetKind
{
    /// <summary>Elapsed time, e.g. <c>30m</c>, <c>4h</c>.</summary>
    WallClock,

    /// <summary>Open time of the customer's calendar, e.g. <c>4 business hours</c>.</summary>
    BusinessHours,

    /// <summary>Business days of <see cref="BusinessCalendar.BusinessDayLength"/> each, e.g. <c>2 business days</c>.</summary>
    BusinessDays,
}

/// <summary>A response or resolution target: <c>"4 business hours"</c>, <c>"2 business days"</c>, <c>"30m"</c>, <c>"4h"</c>. Always positive.</summary>
public sealed partial record SlaTarget
{
    private SlaTarget(SlaTargetKind kind, decimal amount, Duration wallClock)
    {
        Kind = kind;
        Amount = amount;
        WallClockDuration = wallClock;
    }

    public SlaTargetKind Kind { get; }

    /// <summary>Hours for <see cref="SlaTargetKind.BusinessHours"/>, days for <see cref="SlaTargetKind.BusinessDays"/>, hours for wall-clock targets.</summary>
    public decimal Amount { get; }

    /// <summary>The elapsed time of a wall-clock target; zero for business-time targets.</summary>
    public Duration WallClockDuration { get; }

    public static SlaTarget WallClock(Duration duration)
    {
        Preconditions.CheckRange(duration > Duration.Zero, nameof(duration), duration, "An SLA target must be positive.");
        return new SlaTarget(SlaTargetKind.WallClock, (decimal)duration.TotalHours, duration);
    }

    public static SlaTarget BusinessHours(decimal hours)
    {
        Preconditions.CheckRange(hours > 0, nameof(hours), hours, "An SLA target must be positive.");
        return new SlaTarget(SlaTargetKind.BusinessHours, hours, Duration.Zero);
    }

    public static SlaTarget BusinessDays(decimal days)
    {
        Preconditions.CheckRange(days > 0, nameof(days), days, "An SLA target must be positive.");
        return new SlaTarget(SlaTargetKind.BusinessDays, days, Duration.Zero);
    }

    public static SlaTarget Parse(string text)
        => TryParse(text, out var target)
            ? target
            : throw new FormatException(
                $"Invalid SLA target '{text}': expected e.g. '4 business hours', '2 business days', '30m' or '4h'.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SlaTarget? target)
    {
        target = null;
        if (text is null)
        {
            return false;
        }

        var business = BusinessPattern().Match(text);
        if (business.Success)
        {
            if (!decimal.TryParse(business.Groups["amount"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount <= 0)
            {
                return false;
            }

            target = business.Groups["unit"].ValueSpan.StartsWith("hour", StringComparison.OrdinalIgnoreCase)
                ? BusinessHours(amount)
                : BusinessDays(amount);
            return true;
        }

        var wall = WallClockPattern().Match(text);
        if (!wall.Success || wall.Groups[0].ValueSpan.Trim().IsEmpty)
        {
            return false;
        }

        try
        {
            var duration = Duration.FromDays(Part(wall, "d")) + Duration.FromHours(Part(wall, "h"))
                + Duration.FromMinutes(Part(wall, "m")) + Duration.FromSeconds(Part(wall, "s"));
            if (duration <= Duration.Zero)
            {
                return false;
            }

            target = WallClock(duration);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The deadline for an incident opened at <paramref name="openedAt"/>: business targets walk the calendar from there.</summary>
    public Instant DueFrom(Instant openedAt, BusinessCalendar calendar)
    {
        Preconditions.NotNull(calendar, nameof(calendar));
        return Kind switch
        {
            SlaTargetKind.WallClock => openedAt + WallClockDuration,
            SlaTargetKind.BusinessHours => calendar.AddBusinessTime(openedAt, Duration.FromNanoseconds(
                (long)Math.Round(Amount * NodaConstants.NanosecondsPerHour, MidpointRounding.AwayFromZero))),
            _ => calendar.AddBusinessDays(openedAt, Amount),
        };
    }

    public override string ToString()
    {
        if (Kind == SlaTargetKind.WallClock)
        {
            return FormatWallClock(WallClockDuration);
        }

        var unit = Kind == SlaTargetKind.BusinessHours ? "hour" : "day";
        var amount = Amount.ToString("0.##########", CultureInfo.InvariantCulture);
        return $"{amount} business {unit}{(Amount == 1 ? string.Empty : "s")}";
    }

    private static string FormatWallClock(Duration duration)
    {
        var text = new StringBuilder();
        Append(duration.Days, "d");
        Append(duration.Hours, "h");
        Append(duration.Minutes, "m");
        Append(duration.Seconds, "s");
        return text.ToString();

        void Append(int value, string unit)
        {
            if (value != 0)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }

    private static int Part(Match match, string unit)
    {
        var group = match.Groups[unit];
        return group.Success ? int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^\s*(?<amount>\d+(\.\d+)?)\s+business\s+(?<unit>hours?|days?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BusinessPattern();

    [GeneratedRegex(@"^\s*(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,7})h)?(?:(?<m>\d{1,9})m)?(?:(?<s>\d{1,9})s)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WallClockPattern();
}
