using System.Globalization;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>
/// The one helper that writes inline SVG. Every picture is an <c>&lt;svg role="img"&gt;</c> with a <c>&lt;title&gt;</c> (its text
/// alternative) and a <c>viewBox</c> that scales to the width of its box, so it stays readable on a phone; colours come from
/// classes in the stylesheet (the pages' policy forbids inline styles), and every hole is encoded as in <see cref="Html"/>.
/// </summary>
public static class Svg
{
    /// <summary>
    /// A picture of <paramref name="width"/> × <paramref name="height"/> user units that fills its box's width; a picture without
    /// text (<paramref name="stretch"/>) stretches to it, one with text keeps its proportions.
    /// </summary>
    public static Html Picture(string kind, double width, double height, string label, Html content, bool stretch = true) => Html.Of($"""
        <svg class="picture {kind}" role="img" aria-label="{label}" viewBox="0 0 {N(width)} {N(height)}"{(stretch ? Html.Of($" preserveAspectRatio=\"none\"") : Html.Empty)} xmlns="http://www.w3.org/2000/svg"><title>{label}</title>{content}</svg>
        """);

    /// <summary>A rectangle of class <paramref name="css"/> with a hover title.</summary>
    public static Html Rect(double x, double y, double width, double height, string css, string? title = null) => title is null
        ? Html.Of($"<rect class=\"{css}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"/>")
        : Html.Of($"<rect class=\"{css}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"><title>{title}</title></rect>");

    /// <summary>A line through <paramref name="points"/>.</summary>
    public static Html Polyline(IEnumerable<(double X, double Y)> points, string css) =>
        Html.Of($"<polyline class=\"{css}\" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");

    /// <summary>A vertical line at <paramref name="x"/> with a hover title.</summary>
    public static Html Marker(double x, double height, string css, string title) =>
        Html.Of($"<line class=\"{css}\" x1=\"{N(x)}\" y1=\"0\" x2=\"{N(x)}\" y2=\"{N(height)}\"><title>{title}</title></line>");

    /// <summary>A number as SVG writes it: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
