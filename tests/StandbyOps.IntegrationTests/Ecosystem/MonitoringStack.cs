using System.Diagnostics;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Ecosystem;

/// <summary>
/// The compose stack's Prometheus and Alertmanager as real local processes (Debian's <c>prometheus</c> and
/// <c>prometheus-alertmanager</c>), configured from the shipped <c>deploy/</c> files with only the addresses, the
/// token files and the timings changed for a loopback test.
/// </summary>
public static class MonitoringStack
{
    /// <summary>Starts Alertmanager with <c>deploy/alertmanager/alertmanager.yml</c>, delivering to <paramref name="standbyOps"/> with <paramref name="token"/>.</summary>
    public static async Task<ComponentProcess> StartAlertmanagerAsync(TempDirectory directory, Uri standbyOps, string token)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(standbyOps);
        var executable = ExternalTool.Find("prometheus-alertmanager") ?? ExternalTool.Require("alertmanager", "prometheus-alertmanager");
        var config = Adapt(
            File.ReadAllText(RepoFiles.Path("deploy", "alertmanager", "alertmanager.yml")),
            ("http://standbyops:8080", standbyOps.GetLeftPart(UriPartial.Authority)),
            ("/etc/alertmanager/standbyops-token", directory.Write("alertmanager-token", token)),
            // A test cannot wait out the production batching: flush each group within a second.
            ("group_wait: 10s", "group_wait: 1s"),
            ("group_interval: 1m", "group_interval: 1s"));
        return await StartAsync(
            "alertmanager",
            executable,
            "--config.file=" + directory.Write("alertmanager.yml", config),
            "--storage.path=" + Directory.CreateDirectory(directory.File("alertmanager-data")).FullName,
            // No cluster peer port (it would listen on every interface): one Alertmanager is enough here.
            "--cluster.listen-address=");
    }

    /// <summary>
    /// Starts Prometheus with <c>deploy/prometheus/prometheus.yml</c>: scraping <paramref name="standbyOps"/> with
    /// <paramref name="token"/>, evaluating the shipped <c>alerts/</c> plus <paramref name="extraRules"/>, alerting to
    /// <paramref name="alertmanager"/> (if any), and scraping <paramref name="extraScrapeConfigs"/> too.
    /// </summary>
    public static async Task<ComponentProcess> StartPrometheusAsync(
        TempDirectory directory, Uri standbyOps, string token, Uri? alertmanager = null, string? extraRules = null, string? extraScrapeConfigs = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(standbyOps);
        var executable = ExternalTool.Require("prometheus", "prometheus");
        var rules = Directory.CreateDirectory(directory.File("rules")).FullName;
        foreach (var shipped in Directory.GetFiles(RepoFiles.Path("alerts"), "*.yml"))
        {
            File.Copy(shipped, Path.Combine(rules, Path.GetFileName(shipped)));
        }

        if (extraRules is not null)
        {
            File.WriteAllText(Path.Combine(rules, "test-rules.yml"), extraRules);
        }

        var config = Adapt(
            File.ReadAllText(RepoFiles.Path("deploy", "prometheus", "prometheus.yml")),
            ("standbyops:8080", standbyOps.Authority),
            ("/etc/prometheus/standbyops-token", directory.Write("prometheus-token", token)),
            ("/etc/prometheus/alerts/*.yml", Path.Combine(rules, "*.yml")),
            // Nothing listens on port 9 when the test needs no Alertmanager: Prometheus logs and carries on.
            ("alertmanager:9093", alertmanager?.Authority ?? "127.0.0.1:9"),
            ("scrape_interval: 15s", "scrape_interval: 1s"),
            ("evaluation_interval: 15s", "evaluation_interval: 1s"));
        if (extraScrapeConfigs is not null)
        {
            Assert.True(config.TrimEnd().EndsWith(standbyOps.Authority + "\"]", StringComparison.Ordinal), "scrape_configs is no longer the last section of prometheus.yml");
            config = config.TrimEnd() + "\n" + extraScrapeConfigs;
        }

        return await StartAsync(
            "prometheus",
            executable,
            "--config.file=" + directory.Write("prometheus.yml", config),
            "--storage.tsdb.path=" + Directory.CreateDirectory(directory.File("prometheus-data")).FullName,
            // Alerts that fire before the Alertmanager is discovered are dropped and resent only after this
            // delay (1m by default): resend each second so the test does not wait a minute.
            "--rules.alert.resend-delay=1s");
    }

    /// <summary>Starts a Prometheus-style component on a free loopback port and waits for <c>/-/ready</c>.</summary>
    private static Task<ComponentProcess> StartAsync(string name, string executable, params string[] arguments)
    {
        var port = ServerProcess.FreePort();
        var info = new ProcessStartInfo(executable);
        foreach (var argument in arguments.Append($"--web.listen-address=127.0.0.1:{port}").Append("--log.level=warn"))
        {
            info.ArgumentList.Add(argument);
        }

        return ComponentProcess.StartAsync(name, info, new Uri($"http://127.0.0.1:{port}"), "/-/ready", TimeSpan.FromSeconds(60));
    }

    /// <summary>Applies each replacement, failing if the shipped file no longer contains what it replaces.</summary>
    private static string Adapt(string shipped, params (string From, string To)[] replacements)
    {
        foreach (var (from, to) in replacements)
        {
            Assert.True(shipped.Contains(from, StringComparison.Ordinal), $"the shipped configuration no longer contains '{from}'");
            shipped = shipped.Replace(from, to, StringComparison.Ordinal);
        }

        return shipped;
    }
}
