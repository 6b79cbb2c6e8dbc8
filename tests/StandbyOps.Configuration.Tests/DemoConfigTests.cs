using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Sms;
using StandbyOps.Core.Standby;

namespace StandbyOps.Configuration.Tests;

/// <summary>The repository's standbyops.yaml is the server's default and the README's first command: it must stay clean.</summary>
public sealed class DemoConfigTests
{
    private static readonly string DemoPath = Loading.Resource("demo-standbyops.yaml");

    [Fact]
    public void The_demo_config_loads_with_no_errors_or_warnings_and_no_environment()
    {
        var result = ConfigLoader.LoadFile(DemoPath, _ => null);

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Config);
    }

    [Fact]
    public void The_demo_pages_to_the_log_and_is_served_on_loopback()
    {
        var config = ConfigLoader.LoadFile(DemoPath, _ => null).Valid();

        Assert.Equal(SmsProvider.Log, config.Sms.Provider);
        Assert.Null(config.Sms.Twilio);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), config.Server.PublicUrl);
    }

    [Fact]
    public void The_demo_system_has_a_check_that_is_up_and_one_that_is_down_without_network()
    {
        var config = ConfigLoader.LoadFile(DemoPath, _ => null).Valid();
        var acme = config.Customers["acme"];
        var demo = acme.Systems["demo"];

        Assert.Equal(["nl-office"], config.Calendars.Keys);
        Assert.Equal(["standard"], config.RateCards.Keys);
        Assert.Equal(3, config.Teams["ops-nl"].Engineers.Count);
        Assert.Equal(StandbyCoverage.All, acme.Standby.Coverage);
        Assert.Equal(new Uri("/healthz", UriKind.Relative), Assert.IsType<HttpProbeConfig>(demo.Checks["self"].Probe).Url);
        Assert.Equal(new TcpProbeConfig("127.0.0.1", 9), demo.Checks["discard"].Probe);
        Assert.Single(demo.Heartbeats);
        Assert.Single(demo.PushRules);
    }
}
