using System.Globalization;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>
/// An uptime bar: one block per slot (an hour, a day), oldest left, coloured by what the slot held (any down time makes it
/// red), each with its availability as a hover title; the picture's title and the text beside it give the whole period.
/// </summary>
public static class UptimeBar
{
    /// <summary>The width of one slot in user units.</summary>
    public const double SlotWidth = 4;

    /// <summary>The gap between two slots.</summary>
    public const double Gap = 1;

    /// <summary>The bar's height.</summary>
    public const double Height = 20;

    /// <summary>The blocks for <paramref name="slots"/>, left to right.</summary>
    public static IReadOnlyList<BarSegment> Segments(IReadOnlyList<SlotFigures> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return slots.Select((s, i) => new BarSegment(i * SlotWidth, SlotWidth - Gap, s.State, s.Percent)).ToList();
    }

    /// <summary>The text alternative: availability over the period, down and unknown time.</summary>
    public static string Summary(string period, IReadOnlyList<SlotFigures> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var total = SlotFigures.Sum(slots);
        var down = slots.Count(s => s.State == "down");
        var percent = total.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p:0.###} % available") : "no measurements";
        return string.Create(CultureInfo.InvariantCulture, $"{period}: {percent}, {Duration(total.DownMs)} down in {down} of {slots.Count} slots");
    }

    /// <summary>The bar with its title.</summary>
    public static Html Render(string label, string slotName, IReadOnlyList<SlotFigures> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var blocks = Segments(slots).Select(s => Svg.Rect(s.X, 0, s.Width, Height, s.State,
            s.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{slotName}: {s.State}, {p:0.##} %") : $"{slotName}: {s.State}"));
        return Svg.Picture("bar", Math.Max(1, slots.Count) * SlotWidth, Height, label, Html.Join(blocks));
    }

    /// <summary>Minutes or hours, as a person reads them.</summary>
    public static string Duration(long ms) => ms >= 3_600_000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000.0:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000.0:0} min");
}
