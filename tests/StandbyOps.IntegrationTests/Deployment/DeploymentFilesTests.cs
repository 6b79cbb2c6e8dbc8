using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Deployment;

/// <summary>
/// The shipped deployment files, checked statically (there is no Docker engine here): Prometheus rules
/// and configuration by the real promtool, the compose file and dashboards by structure.
/// </summary>
public sealed class DeploymentFilesTests
{
    [SkippableFact]
    public void Promtool_accepts_the_alerting_rules()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        foreach (var rules in Directory.GetFiles(RepoFiles.Path("alerts"), "*.yml"))
        {
            var result = ExternalTool.Run(promtool, ["check", "rules", rules], string.Empty, TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0, $"{rules}: {result.StandardOutput}{result.StandardError}");
        }
    }

    [SkippableFact]
    public void The_alerting_rules_pass_their_promtool_unit_tests()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var tests = Directory.GetFiles(RepoFiles.Path("alerts", "tests"), "*_test.yml");
        Assert.NotEmpty(tests);
        foreach (var test in tests)
        {
            var result = ExternalTool.Run(promtool, ["test", "rules", test], string.Empty, TimeSpan.FromSeconds(60), Path.GetDirectoryName(test));
            Assert.True(result.ExitCode == 0, $"{test}: {result.StandardOutput}{result.StandardError}");
        }
    }

    [SkippableFact]
    public void Promtool_accepts_the_prometheus_configuration()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        using var directory = new TempDirectory();
        // The compose file mounts alerts/ and a token file; recreate that layout around a copy.
        var config = File.ReadAllText(RepoFiles.Path("deploy", "prometheus", "prometheus.yml"))
            .Replace("/etc/prometheus/alerts/*.yml", Path.Combine(RepoFiles.Path("alerts"), "*.yml"), StringComparison.Ordinal)
            .Replace("/etc/prometheus/standbyops-token", directory.Write("token", "secret"), StringComparison.Ordinal);
        var path = directory.Write("prometheus.yml", config);

        var result = ExternalTool.Run(promtool, ["check", "config", path], string.Empty, TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public void The_compose_file_runs_the_whole_stack_with_secrets_from_the_environment()
    {
        var compose = File.ReadAllText(RepoFiles.Path("docker-compose.yml"));

        foreach (var service in new[] { "standbyops:", "postgres:", "prometheus:", "alertmanager:", "grafana:" })
        {
            Assert.Contains($"\n  {service}", compose, StringComparison.Ordinal);
        }

        Assert.Contains("${STANDBYOPS_ADMIN_TOKEN:?", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("sbo_", compose, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoFiles.Path("Dockerfile")));
        Assert.Contains("dotnet publish src/StandbyOps.Server/StandbyOps.Server.csproj", File.ReadAllText(RepoFiles.Path("Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dashboard_is_valid_grafana_json_querying_standbyops_metrics()
    {
        var dashboards = Directory.GetFiles(RepoFiles.Path("dashboards"), "*.json");
        Assert.NotEmpty(dashboards);
        foreach (var file in dashboards)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            Assert.False(string.IsNullOrEmpty(root.GetProperty("uid").GetString()));
            var expressions = root.GetProperty("panels").EnumerateArray()
                .SelectMany(p => p.GetProperty("targets").EnumerateArray())
                .Select(t => t.GetProperty("expr").GetString()!)
                .ToList();
            Assert.NotEmpty(expressions);
            Assert.All(expressions, e => Assert.Contains("standbyops_", e, StringComparison.Ordinal));
        }
    }
}
