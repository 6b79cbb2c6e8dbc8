using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Web;

/// <summary>
/// The web UI: server-rendered pages for the desk, engineers, customers and finance, signed in with an API token's
/// secret and kept by a session cookie. The API stays bearer-only: a session cookie is never a credential
/// for <c>/api</c>, so no cross-site request can reach the API through a browser's cookie.
/// </summary>
public static class WebUi
{
    /// <summary>Registers the session, antiforgery and page services.</summary>
    public static IServiceCollection AddWebUi(this IServiceCollection services, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton<WebPage>();
        services.AddSingleton<Pictures.HistoryPictures>();
        return services.AddWebSession(settings.DataDirectory);
    }

    /// <summary>Maps the pages (call after <c>UseAuthorization()</c> and <c>UseAntiforgery()</c>).</summary>
    public static void MapWebUi(this IEndpointRouteBuilder routes)
    {
        routes.MapStylesheet();
        routes.MapLoginPages();
        routes.MapIncidentPages();
        routes.MapSmsReplyPages();
        routes.MapTicketPages();
        routes.MapTriagePages();
        routes.MapSystemPages();
        routes.MapOnCallPages();
        routes.MapInvoicePages();
        routes.MapPortalInvoicePages();
        routes.MapStandbyHoursPages();
        routes.MapStatusPages();
        routes.MapSlaReportPages();
        routes.MapRotaPages();
    }
}
