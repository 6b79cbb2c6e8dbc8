using NodaTime;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>
/// Turns "who or what holds at instant t" into bars: the value at each sample point holds until the next point, and equal
/// neighbours merge. The points are a regular grid plus every instant where something is known to change (an override's
/// edges), so those edges are exact.
/// </summary>
public static class TimelineRuns
{
    /// <summary>The sample points of [<paramref name="from"/>, <paramref name="to"/>): every <paramref name="step"/> and each of <paramref name="edges"/> inside.</summary>
    public static IReadOnlyList<Instant> Points(Instant from, Instant to, Duration step, IEnumerable<Instant> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var points = new SortedSet<Instant>(edges.Where(e => e > from && e < to)) { from };
        for (var t = from + step; t < to; t += step)
        {
            points.Add(t);
        }

        return points.ToList();
    }

    /// <summary>The runs of equal non-null values over <paramref name="points"/> (the last one ends at <paramref name="to"/>).</summary>
    public static IReadOnlyList<(Instant Start, Instant End, string Value)> Of(IReadOnlyList<Instant> points, Instant to, Func<Instant, string?> valueAt)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(valueAt);
        var runs = new List<(Instant, Instant, string)>();
        (Instant Start, string? Value)? open = null;
        foreach (var point in points)
        {
            var value = valueAt(point);
            if (open is { } o && o.Value == value)
            {
                continue;
            }

            if (open is { Value: { } held } current)
            {
                runs.Add((current.Start, point, held));
            }

            open = (point, value);
        }

        if (open is { Value: { } last } final)
        {
            runs.Add((final.Start, to, last));
        }

        return runs;
    }
}
