using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.Links;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Signals;

namespace StandbyOps.Server.Web;

/// <summary>
/// One incident: its facts, the buttons that apply to its state (for desk, engineers and admins), the note
/// form, its timeline and its pages. A customer sees the facts and the timeline without internal notes, a comment form, no buttons and no pages
/// (those list the engineers' phone numbers).
/// </summary>
public static class IncidentDetailView
{
    /// <summary>The page body.</summary>
    /// <param name="links">Internal ticket links, shown to staff only (null: none loaded).</param>
    /// <param name="replies">Pages whose reply may be simulated (<c>log</c> provider), by provider id, with the reply each suggests.</param>
    public static Html Render(IncidentDetail detail, HttpContext context, WebPage page, StandbyOpsConfig config, NoteDraft? note, IReadOnlyList<TicketLink>? links = null, IReadOnlyDictionary<string, string>? replies = null)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        var i = detail.Incident;
        var zone = WebTimes.ZoneOf(config, i.Customer);
        var responder = context.User.HasAny(WebRoles.Responders);
        var priority = i.Priority.ToText();
        var state = i.State.ToText();
        return Html.Of($"""
            <p><a href="/incidents">← Incidents</a></p>
            <h1>{i.CaseNumber} · {i.Title}</h1>
            <p><span class="badge {priority.ToLowerInvariant()}">{priority}</span> <span class="badge state {state}">{state}</span></p>
            {(responder ? Actions(i, context, page) : Html.Empty)}
            <dl>
            <dt>Customer</dt><dd>{IncidentQueueView.CustomerName(config, i.Customer)}</dd>
            <dt>System</dt><dd>{i.System}</dd>
            <dt>Source</dt><dd>{i.Source.ToText()}</dd>
            <dt>Opened</dt><dd>{WebTimes.Time(i.OpenedAt, zone)}</dd>
            <dt>Response due</dt><dd>{IncidentQueueView.ResponseDue(i, zone)}</dd>
            <dt>Resolution due</dt><dd>{WebTimes.Time(i.ResolutionDueAt, zone)}{(i.ResolutionBreached ? Html.Of($" <span class=\"badge breached\">BREACHED</span>") : Html.Empty)}</dd>
            <dt>Acknowledged</dt><dd>{WebTimes.Time(i.AcknowledgedAt, zone)} {(i.AcknowledgedBy is { } by ? Html.Of($"by {by.Name}") : Html.Empty)}</dd>
            <dt>Resolved</dt><dd>{WebTimes.Time(i.ResolvedAt, zone)}</dd>
            <dt>Times in</dt><dd>{zone.Id}</dd>
            </dl>
            {IncidentSlaPicture.Render(i, zone)}
            {(responder ? Links(i, links ?? [], context, page) : Html.Empty)}
            {(responder ? NoteForm(i, context, page, note) : CommentForm(i, context, page))}
            <h2>Timeline</h2>
            <div class="scroll"><table class="cards">
            <thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead>
            <tbody>{detail.Timeline.Where(e => responder || !TimelineKinds.IsInternal(e.Kind)).Select(e => Entry(e, zone))}</tbody>
            </table></div>
            {(responder ? Pages(detail.Pages, zone, new SimulatedReplies(i.CaseNumber, replies ?? new Dictionary<string, string>(), context, page)) : Html.Empty)}
            """);
    }

    private static Html Actions(Incident i, HttpContext context, WebPage page)
    {
        var buttons = new List<Html>();
        if (i.State == IncidentState.Open)
        {
            buttons.Add(Button(i, "acknowledge", "Acknowledge", context, page));
        }

        if (i.IsUnresolved)
        {
            buttons.Add(Button(i, "resolve", "Resolve", context, page));
        }

        if (i.State != IncidentState.Closed)
        {
            buttons.Add(Button(i, "close", "Close", context, page, secondary: true));
        }

        return Html.Of($"<div class=\"actions\">{buttons}</div>");
    }

    private static Html Button(Incident i, string action, string label, HttpContext context, WebPage page, bool secondary = false) =>
        Html.Of($"""<form method="post" action="{IncidentPages.PathOf(i.CaseNumber)}/{action}">{page.FormToken(context)}<button type="submit"{(secondary ? Html.Of($" class=\"secondary\"") : Html.Empty)}>{label}</button></form>""");

    private static Html NoteForm(Incident i, HttpContext context, WebPage page, NoteDraft? note) => Html.Of($"""
        <form method="post" action="{IncidentPages.PathOf(i.CaseNumber)}/notes">
        {page.FormToken(context)}
        {(note is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\">{note.Error}</p>"))}
        <label for="note">Add note</label>
        <textarea id="note" name="text" maxlength="{IncidentDesk.MaxNoteLength}" required>{note?.Text}</textarea>
        <p><label><input type="checkbox" name="public" value="on"> The customer may read this note</label></p>
        <p><button type="submit">Add note</button></p>
        </form>
        """);

    /// <summary>Internal ticket links and the form to add one (staff only).</summary>
    private static Html Links(Incident i, IReadOnlyList<TicketLink> links, HttpContext context, WebPage page) => Html.Of($"""
        <h2>Internal links</h2>
        {(links.Count == 0 ? Html.Of($"<p class=\"muted\">No internal ticket is linked.</p>") : Html.Of($"<ul class=\"links\">{links.Select(l => Html.Of($"<li><a href=\"{l.Url}\" rel=\"noopener noreferrer\">{l.Label}</a></li>"))}</ul>"))}
        <form method="post" action="{IncidentPages.PathOf(i.CaseNumber)}/links">
        {page.FormToken(context)}
        <label for="link-label">Label</label>
        <input id="link-label" name="label" maxlength="{TicketLinks.MaxLabelLength}" required placeholder="DEV-1234">
        <label for="link-url">URL</label>
        <input id="link-url" name="url" type="url" maxlength="{TicketLinks.MaxUrlLength}" required>
        <p><button type="submit" class="secondary">Link ticket</button></p>
        </form>
        """);

    /// <summary>A customer's comment on its own ticket: always public.</summary>
    private static Html CommentForm(Incident i, HttpContext context, WebPage page) => Html.Of($"""
        <form method="post" action="{IncidentPages.PathOf(i.CaseNumber)}/comments">
        {page.FormToken(context)}
        <label for="comment">Add comment</label>
        <textarea id="comment" name="text" maxlength="{IncidentDesk.MaxNoteLength}" required></textarea>
        <p><button type="submit">Add comment</button></p>
        </form>
        """);

    private static Html Entry(TimelineEntry e, NodaTime.DateTimeZone zone) => Html.Of($"""
        <tr><td data-label="When">{WebTimes.Time(e.At, zone)}</td><td data-label="Who">{e.Actor.Name} <span class="muted">({e.Actor.Kind.ToString().ToLowerInvariant()})</span></td><td data-label="What">{e.Text}</td></tr>
        """);

    private static Html Pages(IReadOnlyList<IncidentPage> pages, NodaTime.DateTimeZone zone, SimulatedReplies replies) =>
        pages.Count == 0
            ? Html.Of($"<h2>Pages</h2><p class=\"muted\">No SMS was sent about this incident.</p>")
            : Html.Of($"""
                <h2>Pages</h2>
                <div class="scroll"><table class="cards">
                <thead><tr><th>Engineer</th><th>Phone</th><th>Sent</th><th>Status</th><th>Provider id</th>{(replies.Any ? Html.Of($"<th>Reply (log provider)</th>") : Html.Empty)}</tr></thead>
                <tbody>{pages.Select(p => Html.Of($"""<tr><td data-label="Engineer">{p.Engineer}</td><td data-label="Phone">{p.Phone}</td><td data-label="Sent">{WebTimes.Time(p.SentAt, zone)}</td><td data-label="Status">{p.Status}</td><td data-label="Provider id">{p.ProviderId}</td>{replies.Cell(p)}</tr>"""))}</tbody>
                </table></div>
                """);

    /// <summary>The "Simulate reply" form of each page the <c>log</c> provider sent (<see cref="SmsReplyPages"/>).</summary>
    private sealed record SimulatedReplies(string CaseNumber, IReadOnlyDictionary<string, string> Suggested, HttpContext Context, WebPage Page)
    {
        public bool Any => Suggested.Count > 0;

        public Html Cell(IncidentPage p) => !Any
            ? Html.Empty
            : p.ProviderId is { } id && Suggested.TryGetValue(id, out var reply)
                ? Html.Of($"""<td data-label="Reply"><form method="post" action="{IncidentPages.PathOf(CaseNumber)}/sms-reply">{Page.FormToken(Context)}<input type="hidden" name="message" value="{id}"><input name="body" value="{reply}" aria-label="Reply from {p.Phone}" maxlength="{Paging.SmsReplySimulator.MaxBodyLength}" size="6" required> <button type="submit" class="secondary">Simulate reply</button></form></td>""")
                : Html.Of($"<td data-label=\"Reply\"></td>");
    }
}
