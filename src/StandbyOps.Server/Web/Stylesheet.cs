namespace StandbyOps.Server.Web;

/// <summary>
/// The UI's only stylesheet, served from <see cref="Path"/> (no CDN, no web fonts): large type and
/// touch targets, high contrast, readable on a phone at 3 a.m.; on a narrow screen each table row becomes a card of
/// labelled lines (<c>table.cards</c>, labels from each cell's <c>data-label</c>).
/// </summary>
public static class Stylesheet
{
    /// <summary>Where it is served.</summary>
    public const string Path = "/web/site.css";

    /// <summary>The stylesheet.</summary>
    public const string Css = """
        :root { color-scheme: light dark; --fg: #111; --bg: #fff; --muted: #555; --line: #ccc; --accent: #0b57d0; --bad: #b3261e; --ok: #146c2e; --warn: #8a5a00; }
        @media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #121212; --muted: #aaa; --line: #444; --accent: #8ab4f8; --bad: #f28b82; --ok: #81c995; --warn: #fdd663; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 18px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 700; margin-right: auto; }
        header a { color: var(--accent); font-weight: 600; padding: .4rem .2rem; }
        header .who { color: var(--muted); }
        main { padding: 1rem; max-width: 72rem; }
        h1 { font-size: 1.5rem; margin: .2rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
        a { color: var(--accent); }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
        @media (max-width: 40rem) {
          table.cards thead { display: none; }
          table.cards tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
          table.cards td { display: block; position: relative; border: 0; padding: .15rem 0 .15rem 7.5rem; overflow-wrap: anywhere; }
          table.cards td::before { content: attr(data-label); position: absolute; left: 0; width: 7rem; color: var(--muted); font-size: .85rem; text-transform: uppercase; padding-top: .15rem; text-align: left; }
          table.cards td.num { text-align: left; }
          table.cards tfoot td:not(.num) { display: none; }
        }
        th { font-size: .85rem; text-transform: uppercase; color: var(--muted); }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: .1rem .5rem; border-radius: .3rem; font-weight: 700; border: 2px solid currentColor; }
        .p1, .down, .breached, .open { color: var(--bad); }
        .p2, .pending, .acknowledged, .maintenance { color: var(--warn); }
        .up, .resolved { color: var(--ok); }
        .closed, .none { color: var(--muted); }
        .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
        .actions form { margin: 0; }
        button { font: inherit; font-weight: 700; min-height: 3rem; min-width: 9rem; padding: .6rem 1.2rem; border-radius: .5rem; border: 2px solid var(--accent); background: var(--accent); color: var(--bg); cursor: pointer; }
        button.secondary, header button { background: transparent; color: var(--accent); min-width: 0; min-height: 2.5rem; }
        input, textarea { font: inherit; width: 100%; max-width: 36rem; padding: .6rem; border: 2px solid var(--line); border-radius: .4rem; background: var(--bg); color: var(--fg); }
        textarea { min-height: 6rem; }
        label { display: block; font-weight: 600; margin: .5rem 0 .3rem; }
        .error { border-left: 6px solid var(--bad); padding: .6rem 1rem; margin: 1rem 0; font-weight: 600; }
        .filters a { display: inline-block; margin: 0 .8rem .6rem 0; padding: .3rem 0; }
        .filters a.current { font-weight: 700; color: var(--fg); text-decoration: none; }
        .muted { color: var(--muted); }
        .num { text-align: right; white-space: nowrap; }
        tfoot td { font-weight: 700; border-bottom: 0; }
        tr.total td { font-size: 1.1rem; border-top: 2px solid var(--fg); }
        .draft { color: var(--warn); }
        .issued { color: var(--ok); }
        .credit { color: var(--bad); }
        select { font: inherit; padding: .6rem; border: 2px solid var(--line); border-radius: .4rem; background: var(--bg); color: var(--fg); max-width: 36rem; width: 100%; }
        .actions a { display: inline-block; font-weight: 700; padding: .6rem 0; margin-right: 1rem; }
        svg.picture { display: block; width: 100%; }
        svg.bar { height: 1.4rem; }
        svg.sparkline { height: 1.6rem; }
        svg.timeline { min-width: 40rem; height: auto; font: 12px system-ui, sans-serif; }
        svg .up, svg .standby { fill: var(--ok); }
        svg .down, svg .breached { fill: var(--bad); }
        svg .maintenance, svg .override, svg .due { fill: var(--warn); }
        svg .unknown { fill: var(--line); }
        svg .oncall, svg .met { fill: var(--accent); }
        svg .backup, svg .duty, svg .office { fill: var(--muted); }
        svg .spark { fill: none; stroke: var(--accent); stroke-width: 2; vector-effect: non-scaling-stroke; }
        svg line.tick { stroke: var(--line); stroke-width: 1; }
        svg line.now { stroke: var(--fg); stroke-width: 2; }
        svg line.deadline { stroke: var(--bad); stroke-width: 2; stroke-dasharray: 4 3; }
        svg text { fill: var(--fg); }
        svg text.bar { fill: var(--bg); font-weight: 700; }
        svg text.tick { fill: var(--muted); }
        .pictures { display: grid; gap: .2rem; min-width: 12rem; }
        figure { margin: .3rem 0; }
        figcaption { font-size: .85rem; color: var(--muted); }
        .legend span { display: inline-block; margin-right: 1rem; }
        .met { color: var(--ok); }
        .due { color: var(--warn); }
        """;

    /// <summary>Maps <see cref="Path"/>: anyone may fetch it (the login page needs it before anyone is signed in).</summary>
    public static void MapStylesheet(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
