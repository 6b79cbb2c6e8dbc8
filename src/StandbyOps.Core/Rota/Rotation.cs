using NodaTime;
using StandbyOps.Core.Time;

namespace StandbyOps.Core.Rota;

/// <summary>How often a rotation hands over.</summary>
public enum RotationPeriod
{
    Day,
    Week,
}

/// <summary>
/// A rotation of engineers in a team's zone: every day or week at the handover's local time, in order, from
/// the first handover on or after <see cref="Start"/> (before it, the first engineer holds the role). Handovers
/// stay at their local time across DST changes (resolved with <see cref="LocalTimePolicy"/>).
/// </summary>
public sealed class Rotation
{
    private readonly string[] _order;

    public Rotation(RotationPeriod every, Handover handover, IReadOnlyList<string> order, LocalDate start)
    {
        Preconditions.Require(Enum.IsDefined(every), nameof(every), $"'{every}' is not a rotation period.");
        Handover = Preconditions.NotNull(handover, nameof(handover));
        Preconditions.NotNull(order, nameof(order));
        Preconditions.Require(order.Count > 0, nameof(order), "A rotation needs at least one engineer.");
        Preconditions.Require(order.All(e => !string.IsNullOrWhiteSpace(e)), nameof(order), "Engineer ids in a rotation must not be empty.");
        Preconditions.Require(
            order.Distinct(StringComparer.Ordinal).Count() == order.Count,
            nameof(order),
            $"Engineers appear more than once in the rotation order [{string.Join(", ", order)}].");
        Preconditions.Require(
            every == RotationPeriod.Week || handover.Day is null,
            nameof(handover),
            $"A daily rotation hands over every day; '{handover}' names a weekday.");

        Every = every;
        _order = [.. order];
        Start = start;
        var handoverDay = handover.Day ?? start.DayOfWeek;
        FirstHandoverDate = every == RotationPeriod.Week ? start.PlusDays(((int)handoverDay - (int)start.DayOfWeek + 7) % 7) : start;
    }

    public RotationPeriod Every { get; }

    public Handover Handover { get; }

    public IReadOnlyList<string> Order => _order;

    public LocalDate Start { get; }

    /// <summary>The local date of handover 0, when <see cref="Order"/>[0] takes over.</summary>
    public LocalDate FirstHandoverDate { get; }

    private int PeriodDays => Every == RotationPeriod.Week ? 7 : 1;

    /// <summary>The instant of handover <paramref name="slot"/> (slot 0 is the first).</summary>
    public Instant HandoverAt(long slot, DateTimeZone zone)
        => LocalTimePolicy.ToInstant(FirstHandoverDate.PlusDays(checked((int)(slot * PeriodDays))), Handover.Time, zone);

    /// <summary>The slot holding <paramref name="t"/>: slot k runs from handover k to handover k + 1; −1 is everything before handover 0.</summary>
    public long SlotAt(Instant t, DateTimeZone zone)
    {
        var localDate = t.InZone(Preconditions.NotNull(zone, nameof(zone))).Date;
        var days = Period.DaysBetween(FirstHandoverDate, localDate);
        var slot = Math.Max(-1, (long)Math.Floor(days / (double)PeriodDays));

        // The estimate from the local date is off by at most one slot (handover time of day, DST); settle it by instants.
        while (slot >= 0 && t < HandoverAt(slot, zone))
        {
            slot--;
        }

        while (t >= HandoverAt(slot + 1, zone))
        {
            slot++;
        }

        return slot;
    }

    /// <summary>The engineer of a slot; the first engineer before the first handover.</summary>
    public string EngineerOf(long slot) => slot < 0 ? _order[0] : _order[slot % _order.Length];

    public string EngineerAt(Instant t, DateTimeZone zone) => EngineerOf(SlotAt(t, zone));

    /// <summary>The engineer after <paramref name="engineer"/> in order, or null when there is none other (or they are not in the rotation).</summary>
    public string? NextAfter(string engineer)
    {
        var index = Array.IndexOf(_order, engineer);
        return index < 0 || _order.Length < 2 ? null : _order[(index + 1) % _order.Length];
    }
}
