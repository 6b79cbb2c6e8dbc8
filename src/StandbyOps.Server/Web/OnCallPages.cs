using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Rota;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/oncall</c>: for each customer, whether it is agreed standby or office time now and who is on call, backup
/// and duty, with their numbers to call. Staff only: customers do not get the engineers' phone numbers.
/// </summary>
public static class OnCallPages
{
    /// <summary>Maps the route.</summary>
    public static void MapOnCallPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oncall", ListAsync).RequireWebRoles(WebRoles.Responders).ExcludeFromDescription();
    }

    private static async Task<ContentHttpResult> ListAsync(HttpContext context, LiveConfig live, OnCallLookup lookup, IClock clock, WebPage page, CancellationToken cancellationToken)
    {
        var config = live.Current;
        var now = clock.GetCurrentInstant();
        var rows = new List<Html>();
        foreach (var customer in config.Customers.Values)
        {
            if (await lookup.ForAsync(customer.Id, now, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                rows.Add(Row(customer.Name, answer, WebTimes.ZoneOf(config, customer.Id)));
            }
        }

        return page.Render(context, "On call", Html.Of($"""
            <h1>On call now</h1>
            <div class="scroll"><table class="cards">
            <thead><tr><th>Customer</th><th>Now</th><th>On call</th><th>Backup</th><th>Duty</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            """));
    }

    private static Html Row(string customer, OnCallNow answer, DateTimeZone zone)
    {
        // Standby wins: inside agreed standby the on-call engineer is paged even during office hours.
        var period = answer.InStandby ? Html.Of($"<span class=\"badge p1\">standby</span>")
            : answer.InBusinessHours ? Html.Of($"<span class=\"badge up\">business hours</span>")
            : Html.Of($"<span class=\"badge closed\">outside both: nobody is paged</span>");
        return Html.Of($"""
            <tr>
            <td data-label="Customer">{customer}</td>
            <td data-label="Now">{period} {WebTimes.Time(answer.At, zone)}</td>
            <td data-label="On call">{Person(answer.OnCall)}</td>
            <td data-label="Backup">{Person(answer.Backup)}</td>
            <td data-label="Duty">{Person(answer.Duty)}</td>
            </tr>
            """);
    }

    private static Html Person(OnCallPerson? person) =>
        person is null ? Html.Of($"<span class=\"none\">—</span>")
            : person.Phone is { } phone ? Html.Of($"{person.Name ?? person.Engineer} <a href=\"tel:{phone}\">{phone}</a>")
            : Html.Of($"{person.Engineer}");
}
