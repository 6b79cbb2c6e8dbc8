using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>The nights of a contract (its rate card's <c>night</c> range): every day from <see cref="From"/> until <see cref="To"/>, the next morning when <see cref="To"/> is earlier.</summary>
public sealed record NightHours
{
    /// <summary>Creates the night range; times must be whole minutes and differ.</summary>
    public NightHours(LocalTime from, LocalTime to)
    {
        From = Preconditions.WholeMinute(from, nameof(from));
        To = Preconditions.WholeMinute(to, nameof(to));
        Preconditions.Require(From != To, nameof(to), $"The night range {From:HH:mm}-{To:HH:mm} is empty.");
    }

    /// <summary>Local start of each night.</summary>
    public LocalTime From { get; }

    /// <summary>Local end of each night; on the next day when it is not after <see cref="From"/>.</summary>
    public LocalTime To { get; }

    /// <summary>Whether a night runs past midnight into the next day.</summary>
    public bool IsOvernight => To < From;

    /// <summary>Start in minutes after the start of the night's own date.</summary>
    public int FromMinute => MinuteOfDay.Of(From);

    /// <summary>End in minutes after the start of the night's own date (beyond 1440 for an overnight range).</summary>
    public int EndMinute => IsOvernight ? MinuteOfDay.PerDay + MinuteOfDay.Of(To) : MinuteOfDay.Of(To);

    /// <summary>The local start and end of the night that starts on <paramref name="date"/>.</summary>
    public (LocalDateTime Start, LocalDateTime End) On(LocalDate date) => (MinuteOfDay.At(date, FromMinute), MinuteOfDay.At(date, EndMinute));
}
