using NodaTime;

namespace StandbyOps.Core.Rota;

/// <summary>
/// A team's rota in its zone: the on-call rotation, an optional office-hours duty rotation and overrides of
/// the on-call engineer. Gives exactly one answer per role at any instant; of overlapping overrides the one
/// added last wins.
/// </summary>
public sealed class Rota
{
    private readonly RotaOverride[] _overrides;

    public Rota(DateTimeZone zone, Rotation onCall, Rotation? duty = null, IEnumerable<RotaOverride>? overrides = null)
    {
        Zone = Preconditions.NotNull(zone, nameof(zone));
        OnCall = Preconditions.NotNull(onCall, nameof(onCall));
        Duty = duty;
        _overrides = overrides?.ToArray() ?? [];
        Preconditions.Require(Array.TrueForAll(_overrides, o => o is not null), nameof(overrides), "Overrides must not contain null.");
    }

    public DateTimeZone Zone { get; }

    public Rotation OnCall { get; }

    public Rotation? Duty { get; }

    public IReadOnlyList<RotaOverride> Overrides => _overrides;

    public Rota WithOverride(RotaOverride rotaOverride)
        => new(Zone, OnCall, Duty, [.. _overrides, Preconditions.NotNull(rotaOverride, nameof(rotaOverride))]);

    /// <summary>The on-call engineer: the latest override covering <paramref name="t"/>, else the rotation's.</summary>
    public string OnCallAt(Instant t)
    {
        for (var i = _overrides.Length - 1; i >= 0; i--)
        {
            if (_overrides[i].Contains(t))
            {
                return _overrides[i].Engineer;
            }
        }

        return OnCall.EngineerAt(t, Zone);
    }

    /// <summary>
    /// The next engineer in rotation order after the on-call one; null with a single engineer. When an override
    /// puts someone outside the rotation on call, the engineer the rotation scheduled is the backup.
    /// </summary>
    public string? BackupAt(Instant t)
    {
        var onCall = OnCallAt(t);
        if (OnCall.Order.Contains(onCall, StringComparer.Ordinal))
        {
            return OnCall.NextAfter(onCall);
        }

        return OnCall.EngineerAt(t, Zone);
    }

    /// <summary>The duty engineer, or null when the rota has no duty rotation.</summary>
    public string? DutyAt(Instant t) => Duty?.EngineerAt(t, Zone);

    /// <summary>
    /// Who holds <paramref name="role"/> when, for the shifts overlapping [<paramref name="from"/>, <paramref name="to"/>).
    /// Shifts are whole rotation slots (split by overrides), so the first and last may reach outside the window;
    /// consecutive shifts of one engineer are merged, looking one rotation slot beyond each edge of the window. Only
    /// the open-ended time before the first handover is cut at <paramref name="from"/>.
    /// </summary>
    public IReadOnlyList<Shift> Timeline(ShiftRole role, Instant from, Instant to)
    {
        Preconditions.Require(from <= to, nameof(to), $"The end {to} must not be before the start {from}.");
        if (from == to)
        {
            return [];
        }

        var rotation = role == ShiftRole.OnCall ? OnCall : Duty;
        if (rotation is null)
        {
            return [];
        }

        // One slot beyond each edge, so a shift continued by the same engineer just outside the window is merged whole.
        // The open-ended slot −1 only ever counts from the window start, so it is no neighbour to look into.
        var slotAtFrom = rotation.SlotAt(from, Zone);
        var firstSlot = slotAtFrom > 0 ? slotAtFrom - 1 : slotAtFrom;
        var lastSlot = rotation.SlotAt(to - Duration.Epsilon, Zone) + 1;
        var segments = new List<Shift>();
        for (var slot = firstSlot; slot <= lastSlot; slot++)
        {
            var start = slot < 0 ? from : rotation.HandoverAt(slot, Zone);
            segments.Add(new Shift(rotation.EngineerOf(slot), role, start, rotation.HandoverAt(slot + 1, Zone)));
        }

        if (role == ShiftRole.OnCall)
        {
            foreach (var rotaOverride in _overrides)
            {
                segments = Apply(segments, rotaOverride);
            }
        }

        var merged = new List<Shift>(segments.Count);
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1].Engineer == segment.Engineer && merged[^1].End == segment.Start)
            {
                merged[^1] = merged[^1] with { End = segment.End };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged.FindAll(s => s.Start < to && s.End > from);
    }

    /// <summary>The engineer's on-call and duty shifts overlapping the window (see <see cref="Timeline"/>), by start.</summary>
    public IReadOnlyList<Shift> ShiftsFor(string engineer, Instant from, Instant to)
    {
        Preconditions.NotNull(engineer, nameof(engineer));
        return Timeline(ShiftRole.OnCall, from, to)
            .Concat(Timeline(ShiftRole.Duty, from, to))
            .Where(s => s.Engineer == engineer)
            .OrderBy(s => s.Start)
            .ThenBy(s => s.Role)
            .ToList();
    }

    private static List<Shift> Apply(List<Shift> segments, RotaOverride rotaOverride)
    {
        var windowStart = segments[0].Start;
        var windowEnd = segments[^1].End;
        if (rotaOverride.End <= windowStart || rotaOverride.Start >= windowEnd)
        {
            return segments;
        }

        var result = new List<Shift>(segments.Count + 2);
        var inserted = false;
        foreach (var segment in segments)
        {
            if (segment.End <= rotaOverride.Start || segment.Start >= rotaOverride.End)
            {
                if (!inserted && segment.Start >= rotaOverride.End)
                {
                    result.Add(Clipped());
                    inserted = true;
                }

                result.Add(segment);
                continue;
            }

            if (segment.Start < rotaOverride.Start)
            {
                result.Add(segment with { End = rotaOverride.Start });
            }

            if (!inserted)
            {
                result.Add(Clipped());
                inserted = true;
            }

            if (segment.End > rotaOverride.End)
            {
                result.Add(segment with { Start = rotaOverride.End });
            }
        }

        if (!inserted)
        {
            result.Add(Clipped());
        }

        return result;

        Shift Clipped() => new(
            rotaOverride.Engineer,
            ShiftRole.OnCall,
            rotaOverride.Start < windowStart ? windowStart : rotaOverride.Start,
            rotaOverride.End > windowEnd ? windowEnd : rotaOverride.End);
    }
}
