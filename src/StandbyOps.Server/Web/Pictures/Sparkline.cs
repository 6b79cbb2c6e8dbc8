namespace StandbyOps.Server.Web.Pictures;

/// <summary>
/// A latency sparkline: one point per slot with a measurement, scaled between the period's lowest and highest value (a flat
/// line in the middle when they are equal); a slot without a measurement breaks the line.
/// </summary>
public static class Sparkline
{
    /// <summary>The width in user units.</summary>
    public const double Width = 120;

    /// <summary>The height in user units.</summary>
    public const double Height = 24;

    /// <summary>The line's pieces: runs of consecutive slots with a value, as (x, y) points.</summary>
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Points(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (known.Count == 0)
        {
            return [];
        }

        double min = known.Min(), max = known.Max();
        var step = values.Count > 1 ? Width / (values.Count - 1) : 0;
        var runs = new List<IReadOnlyList<(double, double)>>();
        var run = new List<(double, double)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                Close();
                continue;
            }

            // y grows downwards: the highest latency at the top, 1 unit of margin for the line's width.
            var y = max == min ? Height / 2 : 1 + ((Height - 2) * (max - v) / (max - min));
            run.Add((values.Count > 1 ? i * step : Width / 2, y));
        }

        Close();
        return runs;

        void Close()
        {
            if (run.Count > 0)
            {
                runs.Add(run);
                run = [];
            }
        }
    }

    /// <summary>The sparkline with its title; a single point is drawn as a short dash.</summary>
    public static Html Render(string label, IReadOnlyList<double?> values)
    {
        var lines = Points(values).Select(run => run.Count == 1
            ? Svg.Polyline([(run[0].X - 1, run[0].Y), (run[0].X + 1, run[0].Y)], "spark")
            : Svg.Polyline(run, "spark"));
        return Svg.Picture("sparkline", Width, Height, label, Html.Join(lines));
    }
}
