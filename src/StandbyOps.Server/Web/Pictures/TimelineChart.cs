using NodaTime;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>
/// Lanes of bars over a period (the rota, an incident's deadlines), with ticks (days, hours) and markers. The lanes' labels
/// stand in the picture's left margin; bars outside the period are clipped to it. The text alternative is the caller's list.
/// </summary>
public static class TimelineChart
{
    /// <summary>The drawing's width in user units.</summary>
    public const double Width = 700;

    /// <summary>The width of the label column.</summary>
    public const double LabelWidth = 110;

    /// <summary>The height of one lane.</summary>
    public const double LaneHeight = 26;

    /// <summary>The height of the tick labels' row.</summary>
    public const double AxisHeight = 18;

    /// <summary>Where <paramref name="at"/> falls on the drawing's x axis, clamped to the period.</summary>
    public static double X(Instant at, Instant from, Instant to)
    {
        var span = (to - from).TotalMilliseconds;
        var offset = Math.Clamp((at - from).TotalMilliseconds, 0, span);
        return LabelWidth + ((Width - LabelWidth) * offset / span);
    }

    /// <summary>The chart of <paramref name="lanes"/> over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static Html Render(string label, Instant from, Instant to, IReadOnlyList<TimelineLane> lanes, IReadOnlyList<(Instant At, string Text)> ticks, IReadOnlyList<TimelineMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(markers);
        var height = AxisHeight + (lanes.Count * LaneHeight);
        var parts = new List<Html>();
        foreach (var (at, text) in ticks)
        {
            var x = X(at, from, to);
            parts.Add(Svg.Marker(x, height, "tick", text));
            parts.Add(Html.Of($"<text class=\"tick\" x=\"{Svg.N(x + 2)}\" y=\"12\">{text}</text>"));
        }

        for (var i = 0; i < lanes.Count; i++)
        {
            var y = AxisHeight + (i * LaneHeight);
            parts.Add(Html.Of($"<text class=\"lane\" x=\"2\" y=\"{Svg.N(y + 17)}\">{lanes[i].Label}</text>"));
            foreach (var bar in lanes[i].Bars.Where(b => b.End > from && b.Start < to))
            {
                var x1 = X(bar.Start, from, to);
                var x2 = X(bar.End, from, to);
                parts.Add(Svg.Rect(x1, y + 3, Math.Max(0.5, x2 - x1), LaneHeight - 6, bar.Css, bar.Text));
                if (x2 - x1 > 40)
                {
                    parts.Add(Html.Of($"<text class=\"bar\" x=\"{Svg.N(x1 + 3)}\" y=\"{Svg.N(y + 17)}\">{bar.Text}</text>"));
                }
            }
        }

        foreach (var marker in markers.Where(m => m.At >= from && m.At <= to))
        {
            parts.Add(Svg.Marker(X(marker.At, from, to), height, marker.Css, marker.Text));
        }

        return Svg.Picture("timeline", Width, height, label, Html.Join(parts), stretch: false);
    }
}
