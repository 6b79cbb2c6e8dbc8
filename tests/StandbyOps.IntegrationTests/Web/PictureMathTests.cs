using NodaTime;
using StandbyOps.Server.Web.Pictures;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The arithmetic behind the pictures: uptime blocks from availability, sparkline points, timeline positions and runs.</summary>
public sealed class PictureMathTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 0, 0);

    [Fact]
    public void Each_slot_is_a_block_coloured_by_the_worst_it_held_with_its_availability()
    {
        SlotFigures[] slots =
        [
            new(3_600_000, 0, 0, 3_600_000),
            new(3_000_000, 600_000, 0, 3_600_000),
            new(0, 0, 3_600_000, 3_600_000),
            new(0, 0, 0, 3_600_000),
            new(1_800_000, 0, 1_800_000, 3_600_000),
        ];

        var segments = UptimeBar.Segments(slots);

        Assert.Equal(["up", "down", "maintenance", "unknown", "up"], segments.Select(s => s.State));
        Assert.Equal([0, 4, 8, 12, 16], segments.Select(s => s.X));
        Assert.All(segments, s => Assert.Equal(UptimeBar.SlotWidth - UptimeBar.Gap, s.Width));
        Assert.Equal(100.0, segments[0].Percent);
        Assert.Equal(100.0 * 3_000 / 3_600, segments[1].Percent!.Value, 6);
        Assert.Null(segments[2].Percent);
        Assert.Null(segments[3].Percent);
        // Maintenance is left out of the percentage.
        Assert.Equal(100.0, segments[4].Percent);
        Assert.Equal("24 h: 93.333 % available, 10 min down in 1 of 5 slots", UptimeBar.Summary("24 h", slots));
    }

    [Fact]
    public void The_bar_draws_one_rect_per_slot_with_its_title_and_the_whole_picture_a_text_alternative()
    {
        var markup = UptimeBar.Render("home uptime <24 h>", "hour", [new(3_600_000, 0, 0, 3_600_000), new(0, 60_000, 0, 3_600_000)]).Markup;

        Assert.Contains("role=\"img\" aria-label=\"home uptime &lt;24 h&gt;\"", markup, StringComparison.Ordinal);
        Assert.Contains("<title>home uptime &lt;24 h&gt;</title>", markup, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 8 20\"", markup, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"down\" x=\"4\" y=\"0\" width=\"3\" height=\"20\"><title>hour: down, 0 %</title></rect>", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparkline_points_span_the_width_highest_latency_on_top_and_gaps_break_the_line()
    {
        var runs = Sparkline.Points([10, 30, null, 20, 10]);

        Assert.Equal(2, runs.Count);
        Assert.Equal([(0, 23), (30, 1)], runs[0]);
        Assert.Equal([(90, 12), (120, 23)], runs[1]);
    }

    [Fact]
    public void A_flat_sparkline_sits_in_the_middle_and_no_values_draw_nothing()
    {
        Assert.Equal([(0, 12), (120, 12)], Sparkline.Points([5, 5]).Single());
        Assert.Equal([(60, 12)], Sparkline.Points([7]).Single());
        Assert.Empty(Sparkline.Points([null, null]));
    }

    [Fact]
    public void Timeline_x_is_proportional_to_time_after_the_label_column_and_clamped_to_the_period()
    {
        var to = T0 + Duration.FromDays(7);
        var plot = TimelineChart.Width - TimelineChart.LabelWidth;

        Assert.Equal(TimelineChart.LabelWidth, TimelineChart.X(T0, T0, to));
        Assert.Equal(TimelineChart.LabelWidth + (plot / 2), TimelineChart.X(T0 + Duration.FromHours(84), T0, to), 6);
        Assert.Equal(TimelineChart.Width, TimelineChart.X(to + Duration.FromDays(1), T0, to));
        Assert.Equal(TimelineChart.LabelWidth, TimelineChart.X(T0 - Duration.FromDays(1), T0, to));
    }

    [Fact]
    public void Runs_merge_equal_neighbours_and_an_edge_between_grid_points_is_exact()
    {
        var edge = T0 + Duration.FromMinutes(70);
        var to = T0 + Duration.FromHours(4);
        var points = TimelineRuns.Points(T0, to, Duration.FromHours(1), [edge, to + Duration.FromHours(1)]);
        Assert.Equal([T0, T0 + Duration.FromHours(1), edge, T0 + Duration.FromHours(2), T0 + Duration.FromHours(3)], points);

        var runs = TimelineRuns.Of(points, to, t => t < edge ? "anna" : t < T0 + Duration.FromHours(3) ? null : "bram");

        Assert.Equal([(T0, edge, "anna"), (T0 + Duration.FromHours(3), to, "bram")], runs);
    }
}
