using System.Text.RegularExpressions;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Deployment;

/// <summary>
/// The shipped <c>deploy/alertmanager/alertmanager.yml</c> routes, checked by the real <c>amtool config routes test</c>
/// (Debian's <c>prometheus-alertmanager</c>): StandbyOps' own alerts go to the operators, never back into StandbyOps.
/// </summary>
public sealed partial class AlertRoutingTests
{
    private static readonly string Config = RepoFiles.Path("deploy", "alertmanager", "alertmanager.yml");

    public static TheoryData<string> ShippedAlerts() => new(AlertNames());

    [SkippableFact]
    public void Amtool_accepts_the_shipped_configuration()
    {
        var result = ExternalTool.Run(Amtool(), ["check-config", Config], string.Empty, TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
    }

    [SkippableTheory]
    [MemberData(nameof(ShippedAlerts))]
    public void A_standbyops_self_alert_goes_to_the_operators_receiver(string alertName)
    {
        Assert.Equal("operators", Route($"alertname={alertName}", "severity=critical", "job=standbyops", "instance=node1:8080"));
    }

    [Fact]
    public void The_shipped_rules_include_the_dispatcher_and_paging_alerts()
    {
        var names = AlertNames();

        Assert.Contains("StandbyOpsDispatcherStalled", names);
        Assert.Contains("StandbyOpsPagingLate", names);
        Assert.All(names, name => Assert.StartsWith("StandbyOps", name, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("alertname=DiskFull", "customer=acme", "system=webshop", "severity=critical")]
    [InlineData("alertname=DiskFull", "severity=warning", "job=node", "instance=node1:8080")]
    public void A_customer_alert_goes_to_standbyops(params string[] labels)
    {
        Assert.Equal("standbyops", Route(labels));
    }

    private static List<string> AlertNames() =>
        Directory.GetFiles(RepoFiles.Path("alerts"), "*.yml")
            .SelectMany(file => AlertName().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .ToList();

    private static string Route(params string[] labels)
    {
        var result = ExternalTool.Run(Amtool(), ["config", "routes", "test", "--config.file=" + Config, .. labels], string.Empty, TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        return result.StandardOutput.Trim();
    }

    private static string Amtool() => ExternalTool.Require("amtool", "prometheus-alertmanager");

    [GeneratedRegex(@"^\s*-\s*alert:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
