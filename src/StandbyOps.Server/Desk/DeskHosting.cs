using StandbyOps.Desk;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Desk;

/// <summary>The service desk in the server: its services and its API routes, each added by one line of the composition root.</summary>
public static class DeskHosting
{
    /// <summary>Registers the desk's services; a queued mail wakes the intent relay, a reload reaches the mail intake.</summary>
    public static IServiceCollection AddDeskServices(this IServiceCollection services) =>
        services.AddDesk((sp, o) =>
        {
            o.Wake = () => sp.GetRequiredService<IntentRelayService>().Wake();
            o.WatchReloads = action => new ReloadWatch(sp.GetRequiredService<LiveConfig>(), action);
        });

    /// <summary>Maps the desk's API routes (its web pages are mapped with the rest of the web UI).</summary>
    public static void MapDeskApi(this IEndpointRouteBuilder routes)
    {
        routes.MapTicketsApi();
        routes.MapTriageApi();
        routes.MapMailOutboxApi();
        routes.MapLinksApi();
        routes.MapReviewsApi();
    }

    /// <summary>Calls an action after each applied reload until disposed.</summary>
    private sealed class ReloadWatch : IDisposable
    {
        private readonly LiveConfig _live;
        private readonly Action<StandbyOps.Configuration.StandbyOpsConfig> _handler;

        public ReloadWatch(LiveConfig live, Action action)
        {
            _live = live;
            _handler = _ => action();
            live.Changed += _handler;
        }

        public void Dispose() => _live.Changed -= _handler;
    }
}
