using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Store;
using StandbyOps.Core.Time;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Rota;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/rota?team=&amp;view=week|month&amp;from=</c>: a team's rota as a timeline (on call, backup, duty, overrides, each customer's
/// standby and business hours) for staff; admin and desk also get the forms that add an override
/// (<c>POST /rota/overrides</c>, through <see cref="RotaOperations"/> as the API) and a one-off standby period
/// (<c>POST /rota/standby-periods</c>, through <see cref="StandbyPeriodsApi.AddAsync"/>). Times in the forms are local to the team's zone
/// (the standby period's to the customer's).
/// </summary>
public static class RotaPages
{
    /// <summary>The page's path.</summary>
    public const string Path = "/rota";

    private static readonly LocalDateTimePattern LocalInput = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>Maps the routes.</summary>
    public static void MapRotaPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ShowAsync).RequireWebRoles(WebRoles.Responders).ExcludeFromDescription();
        routes.MapPost($"{Path}/overrides", AddOverrideAsync).RequireWebRoles(WebRoles.RotaEditors).RequireFormToken().ExcludeFromDescription();
        routes.MapPost($"{Path}/standby-periods", AddStandbyPeriodAsync).RequireWebRoles(WebRoles.RotaEditors).RequireFormToken().ExcludeFromDescription();
    }

    private static Task<IResult> ShowAsync(string? team, string? view, string? from, HttpContext context, CancellationToken cancellationToken) =>
        RenderAsync(context, team, view, from, null, StatusCodes.Status200OK, cancellationToken);

    private static async Task<IResult> AddOverrideAsync(HttpContext context, TeamRotas rotas, RotaOverrideStore store, IClock clock, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var team = form["team"].ToString();
        var zone = rotas.Team(team)?.Zone ?? DateTimeZone.Utc;
        var outcome = await RotaOperations.AddOverrideAsync(team, form["engineer"].ToString(), Local(form["start"], zone), Local(form["end"], zone), context.User, rotas, store, clock, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            { TeamNotFound: true } => context.RequestServices.GetRequiredService<WebPage>().Error(context, StatusCodes.Status404NotFound, "Team not found", $"There is no team '{team}'."),
            { Stored: not null } => TypedResults.Redirect(PathOf(team, form["view"], form["from"])),
            _ => await RenderAsync(context, team, form["view"], form["from"], Errors(outcome.Errors), StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<IResult> AddStandbyPeriodAsync(HttpContext context, LiveConfig live, StandbyPeriodStore store, IClock clock, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var team = form["team"].ToString();
        var customer = form["customer"].ToString();
        var note = form["note"].ToString();
        var request = new StandbyPeriodsApi.StandbyPeriodRequest(form["start"], form["end"], string.IsNullOrWhiteSpace(note) ? null : note);
        var (stored, errors) = await StandbyPeriodsApi.AddAsync(customer, request, context.User, live.Current, store, clock, cancellationToken).ConfigureAwait(false);
        return stored is not null ? TypedResults.Redirect(PathOf(team, form["view"], form["from"]))
            : errors is null ? context.RequestServices.GetRequiredService<WebPage>().Error(context, StatusCodes.Status404NotFound, "Customer not found", $"There is no customer '{customer}'.")
            : await RenderAsync(context, team, form["view"], form["from"], Errors(errors), StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, string? team, string? view, string? from, Html? errors, int status, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var page = services.GetRequiredService<WebPage>();
        var config = services.GetRequiredService<LiveConfig>().Current;
        var rotas = services.GetRequiredService<TeamRotas>();
        var teamConfig = string.IsNullOrWhiteSpace(team)
            ? config.Teams.Values.Where(t => t.Rotation is not null).OrderBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault()
            : rotas.Team(team);
        if (teamConfig is null || await rotas.ForAsync(teamConfig, cancellationToken).ConfigureAwait(false) is not { } rota)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "Team not found", $"There is no team '{team}' with a standby rotation.");
        }

        var month = view == "month";
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var zone = teamConfig.Zone;
        var day = LocalDatePattern.Iso.Parse(from ?? string.Empty).TryGetValue(now.InZone(zone).Date, out var parsed) ? parsed : now.InZone(zone).Date;
        var firstDay = month ? day.With(DateAdjusters.StartOfMonth) : day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var lastDay = month ? firstDay.PlusMonths(1) : firstDay.PlusWeeks(1);
        var start = LocalTimePolicy.StartOfDay(firstDay, zone);
        var end = LocalTimePolicy.StartOfDay(lastDay, zone);
        var overrides = await services.GetRequiredService<RotaOverrideStore>().ListAsync(teamConfig.Id, cancellationToken).ConfigureAwait(false);
        var customers = new List<RotaCustomerLane>();
        foreach (var customer in config.Customers.Values.Where(c => c.Team == teamConfig.Id).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var periods = await services.GetRequiredService<StandbyPeriodStore>().ListAsync(customer.Id, new Interval(start, end), cancellationToken).ConfigureAwait(false);
            customers.Add(new RotaCustomerLane(customer, CustomerContract.FromConfig(config, customer), periods));
        }

        var lanes = RotaTimeline.Lanes(teamConfig, rota, overrides, customers, start, end, month ? Duration.FromHours(1) : Duration.FromMinutes(15));
        var ticks = new List<(Instant, string)>();
        for (var d = firstDay; d < lastDay; d = d.PlusDays(1))
        {
            if (!month || d.DayOfWeek == IsoDayOfWeek.Monday || d == firstDay)
            {
                ticks.Add((LocalTimePolicy.StartOfDay(d, zone), LocalDatePattern.CreateWithInvariantCulture(month ? "d MMM" : "ddd d").Format(d)));
            }
        }

        var navigation = new RotaNavigation(
            teamConfig.Id,
            month ? "month" : "week",
            LocalDatePattern.Iso.Format(firstDay),
            LocalDatePattern.Iso.Format(month ? firstDay.PlusMonths(-1) : firstDay.PlusWeeks(-1)),
            LocalDatePattern.Iso.Format(lastDay),
            config.Teams.Values.Where(t => t.Rotation is not null).Select(t => t.Id).Order(StringComparer.Ordinal).ToList());
        var canEdit = context.User.HasAny(WebRoles.RotaEditors);
        var body = RotaView.Render(teamConfig, navigation, start, end, now, lanes, ticks, customers.Select(c => c.Customer).ToList(), canEdit ? page.FormToken(context) : null, errors);
        return page.Render(context, $"Rota {teamConfig.Id}", body, status);
    }

    private static Instant? Local(string? text, DateTimeZone zone) =>
        LocalInput.Parse(text ?? string.Empty).TryGetValue(default, out var local) ? LocalTimePolicy.ToInstant(local, zone)
        : InstantPattern.ExtendedIso.Parse(text ?? string.Empty).TryGetValue(default, out var instant) ? instant
        : null;

    private static Html Errors(IReadOnlyDictionary<string, string[]> errors) =>
        Html.Of($"<div class=\"error\" role=\"alert\">{errors.Select(e => Html.Of($"<p>{e.Key}: {string.Join(" ", e.Value)}</p>"))}</div>");

    private static string PathOf(string team, string? view, string? from) =>
        $"{Path}?team={Uri.EscapeDataString(team)}&view={(view == "month" ? "month" : "week")}{(string.IsNullOrWhiteSpace(from) ? "" : $"&from={Uri.EscapeDataString(from)}")}";
}
