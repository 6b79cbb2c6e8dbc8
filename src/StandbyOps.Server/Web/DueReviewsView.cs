using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.FollowUps;

namespace StandbyOps.Server.Web;

/// <summary>The desk's due follow-up reviews (NETCOR level 1 "followed daily") as a table above the queue, each with a "Reviewed" button.</summary>
public static class DueReviewsView
{
    /// <summary>The section, or nothing when no review is due.</summary>
    public static Html Render(IReadOnlyList<DueReview> due, StandbyOpsConfig config, HttpContext context, WebPage page)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(page);
        if (due.Count == 0)
        {
            return Html.Empty;
        }

        return Html.Of($"""
            <h2 id="reviews">Due reviews</h2>
            <div class="scroll"><table class="cards">
            <thead><tr><th>Case</th><th>Priority</th><th>Customer</th><th>Title</th><th>Review</th><th>Due since</th><th></th></tr></thead>
            <tbody>
            {due.Select(r => Row(r, config, context, page))}
            </tbody>
            </table></div>
            """);
    }

    private static Html Row(DueReview review, StandbyOpsConfig config, HttpContext context, WebPage page)
    {
        var i = review.Incident;
        var zone = WebTimes.ZoneOf(config, i.Customer);
        var priority = i.Priority.ToText();
        return Html.Of($"""
            <tr class="review-due">
            <td data-label="Case"><a href="{IncidentPages.PathOf(i.CaseNumber)}">{i.CaseNumber}</a></td>
            <td data-label="Priority"><span class="badge {priority.ToLowerInvariant()}">{priority}</span></td>
            <td data-label="Customer">{IncidentQueueView.CustomerName(config, i.Customer)}</td>
            <td data-label="Title">{i.Title}</td>
            <td data-label="Review">#{review.Number}</td>
            <td data-label="Due since">{WebTimes.Time(review.DueAt, zone)}</td>
            <td><form method="post" action="{IncidentPages.PathOf(i.CaseNumber)}/review">{page.FormToken(context)}<button type="submit">Reviewed</button></form></td>
            </tr>
            """);
    }
}
