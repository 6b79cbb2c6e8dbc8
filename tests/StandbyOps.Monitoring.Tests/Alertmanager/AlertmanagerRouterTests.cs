using StandbyOps.Monitoring.Alertmanager;
using StandbyOps.Monitoring.Tests.Push;

namespace StandbyOps.Monitoring.Tests.Alertmanager;

public sealed class AlertmanagerRouterTests
{
    private readonly AlertmanagerRouter _router = new(PushFixtures.Config);

    [Fact]
    public void An_alert_carrying_all_match_labels_goes_to_that_system()
    {
        Assert.Equal(new AlertRoute("acme", "webshop"), _router.Route(Labels(("customer", "acme"), ("system", "webshop"), ("alertname", "X")), "acme"));
    }

    [Fact]
    public void The_most_specific_matching_system_wins()
    {
        Assert.Equal(new AlertRoute("acme", "database"), _router.Route(Labels(("customer", "acme"), ("system", "webshop"), ("component", "db")), "acme"));
    }

    [Fact]
    public void A_pusher_token_routes_only_to_its_own_customer()
    {
        Assert.Equal(new AlertRoute("acme", AlertRoute.Unrouted), _router.Route(Labels(("customer", "globex")), "acme"));
    }

    [Fact]
    public void An_admin_token_routes_to_any_customer()
    {
        Assert.Equal(new AlertRoute("globex", "portal"), _router.Route(Labels(("customer", "globex")), null));
    }

    [Fact]
    public void An_unmatched_alert_from_an_admin_token_goes_to_the_unrouted_customer()
    {
        Assert.Equal(new AlertRoute(AlertRoute.Unrouted, AlertRoute.Unrouted), _router.Route(Labels(("alertname", "Watchdog")), null));
    }

    [Fact]
    public void A_partial_match_is_no_match()
    {
        Assert.True(_router.Route(Labels(("system", "webshop")), "acme").IsUnrouted);
    }

    private static Dictionary<string, string> Labels(params (string Name, string Value)[] labels) => labels.ToDictionary(l => l.Name, l => l.Value);
}
