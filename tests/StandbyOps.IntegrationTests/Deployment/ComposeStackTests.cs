using StandbyOps.IntegrationTests.Support;
using StandbyOps.Server.Hosting;
using StandbyOps.Testing.Server;
using YamlDotNet.RepresentationModel;

namespace StandbyOps.IntegrationTests.Deployment;

/// <summary>The compose stack is safe to start (checked statically: there is no Docker engine here).</summary>
public sealed class ComposeStackTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    [Fact]
    public void Every_service_has_a_health_check()
    {
        foreach (var (name, service) in Services.Children)
        {
            var mapping = (YamlMappingNode)service;
            Assert.True(mapping.Children.ContainsKey("healthcheck"), $"service {name} has no healthcheck");
            var test = Assert.IsType<YamlSequenceNode>(mapping["healthcheck"]["test"]);
            Assert.Equal("CMD", ((YamlScalarNode)test[0]).Value);
        }
    }

    [Fact]
    public void Every_standbyops_node_gets_longer_to_stop_than_the_server_takes_to_finish_its_sends()
    {
        Assert.True(IntentRelayService.StopGrace < ServerHost.ShutdownTimeout);
        var nodes = Services.Children.Where(s => ((YamlScalarNode)s.Value["image"]).Value!.StartsWith("standbyops:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, nodes.Count);
        foreach (var (name, service) in nodes)
        {
            Assert.True(((YamlMappingNode)service).Children.TryGetValue("stop_grace_period", out var grace), $"service {name} has no stop_grace_period (Docker's default SIGKILLs after 10 s)");
            var text = ((YamlScalarNode)grace).Value!;
            Assert.EndsWith("s", text, StringComparison.Ordinal);
            Assert.True(TimeSpan.FromSeconds(int.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture)) > ServerHost.ShutdownTimeout, $"service {name}: stop_grace_period {text}");
        }
    }

    [Fact]
    public async Task The_cluster_nodes_configuration_passes_check_config()
    {
        var result = await ServerProcess.RunCliAsync(["check-config", "--config", RepoFiles.Path("deploy", "standbyops", "cluster.yaml")], new Dictionary<string, string>
        {
            ["PUBLIC_URL"] = "https://standbyops.example.net",
            ["STANDBYOPS_PG"] = "Host=postgres;Database=standbyops;Username=standbyops;Password=secret",
            ["NODE_HOST"] = "standbyops-a",
        });

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public void Postgresql_and_the_cluster_nodes_start_only_with_the_cluster_profile_and_nothing_else_waits_for_it()
    {
        string[] cluster = ["postgres", "standbyops-a", "standbyops-b"];
        foreach (var name in cluster)
        {
            Assert.Equal(["cluster"], ((YamlSequenceNode)Services[name]["profiles"]).Select(n => ((YamlScalarNode)n).Value));
        }

        Assert.DoesNotContain("${POSTGRES_PASSWORD:?", File.ReadAllText(RepoFiles.Path("docker-compose.yml")), StringComparison.Ordinal);
        foreach (var (name, service) in Services.Children)
        {
            if (((YamlMappingNode)service).Children.TryGetValue("depends_on", out var dependsOn) && !cluster.Contains(((YamlScalarNode)name).Value))
            {
                Assert.DoesNotContain("postgres", dependsOn.ToString(), StringComparison.Ordinal);
            }
        }

        // The two nodes differ only in their own address and port.
        Assert.Equal("standbyops-a", ((YamlScalarNode)Services["standbyops-a"]["environment"]["NODE_HOST"]).Value);
        Assert.Equal("standbyops-b", ((YamlScalarNode)Services["standbyops-b"]["environment"]["NODE_HOST"]).Value);
    }

    [Fact]
    public void Every_mounted_secret_file_is_git_ignored_and_has_an_example_beside_it()
    {
        var ignored = File.ReadAllLines(RepoFiles.Path(".gitignore")).Select(l => l.Trim()).ToHashSet();
        var mounts = Services.Children.Values.OfType<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("volumes"))
            .SelectMany(s => ((YamlSequenceNode)s["volumes"]).Select(v => ((YamlScalarNode)v).Value!))
            .Select(v => v.Split(':')[0])
            .Where(source => source.StartsWith("./deploy/", StringComparison.Ordinal) && (source.EndsWith("-token", StringComparison.Ordinal) || source.EndsWith("-password", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(3, mounts.Count);
        foreach (var mount in mounts)
        {
            Assert.Contains(mount[2..], ignored);
            Assert.True(File.Exists(RepoFiles.Path(mount[2..] + ".example")), $"{mount} has no .example");
            Assert.Contains(mount[2..], File.ReadAllText(RepoFiles.Path("README.md")), StringComparison.Ordinal);
        }
    }

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepoFiles.Path("docker-compose.yml")));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }
}
