using NodaTime;

namespace StandbyOps.Billing.Rates;

/// <summary>The weekend category: a daytime range on the weekend days, e.g. Saturday and Sunday 08:30–18:00.</summary>
/// <remarks><see cref="To"/> = 00:00 means the end of the day (24:00); otherwise <see cref="To"/> must be after <see cref="From"/>.</remarks>
public sealed record WeekendRate
{
    /// <summary>Creates the weekend category; times must be whole minutes.</summary>
    public WeekendRate(IEnumerable<IsoDayOfWeek> days, LocalTime from, LocalTime to, decimal percent, decimal minimumHours)
    {
        Days = Preconditions.NotNull(days, nameof(days)).ToHashSet();
        Preconditions.Require(!Days.Contains(IsoDayOfWeek.None), nameof(days), "Weekend days must be real weekdays.");
        From = Preconditions.WholeMinute(from, nameof(from));
        To = Preconditions.WholeMinute(to, nameof(to));
        Preconditions.Require(
            To == LocalTime.Midnight || To > From,
            nameof(to),
            $"The weekend range {From:HH:mm}-{To:HH:mm} must end after it starts (00:00 as end means 24:00).");
        Rate = new CategoryRate(percent, minimumHours);
    }

    /// <summary>The days that have a weekend window, unless they are holidays.</summary>
    public IReadOnlySet<IsoDayOfWeek> Days { get; }

    /// <summary>Local start of the daytime range.</summary>
    public LocalTime From { get; }

    /// <summary>Local end of the daytime range; 00:00 means midnight at the end of the day.</summary>
    public LocalTime To { get; }

    /// <summary>Percentage and minimum.</summary>
    public CategoryRate Rate { get; }

    internal int FromMinute => MinuteOfDay.Of(From);

    internal int ToMinute => To == LocalTime.Midnight ? MinuteOfDay.PerDay : MinuteOfDay.Of(To);
}
