using System.Net;
using System.Text.RegularExpressions;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Deployment;

/// <summary>Every StandbyOps metric that the shipped dashboards and alerting rules query is one the server has.</summary>
public sealed partial class ShippedQueriesTests(RunningServer running) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task Every_metric_the_dashboards_and_alerts_query_is_exposed_or_registered_by_the_server()
    {
        using var response = await running.Admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A labelled family shows in a scrape only once it has a series (as with Prometheus' own clients), so the
        // names registered in the source count too; a typo in a query matches neither.
        var known = TypeLine().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value)
            .Concat(Directory.GetFiles(RepoFiles.Path("src"), "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => RegisteredName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        var shipped = Directory.GetFiles(RepoFiles.Path("dashboards"), "*.json").Concat(Directory.GetFiles(RepoFiles.Path("alerts"), "*.yml"));

        var queried = shipped.SelectMany(file => MetricName().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Name: m.Value))).Distinct().ToList();

        Assert.Contains(queried, q => q.Name == "standbyops_intent_due_lag_seconds");
        var unknown = queried.Where(q => !known.Contains(Family(q.Name))).Select(q => $"{q.File}: {q.Name}").ToList();
        Assert.True(unknown.Count == 0, "neither exposed by /metrics nor registered in src/: " + string.Join(", ", unknown));
    }

    /// <summary>A histogram's series (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>) belong to the family its TYPE line names.</summary>
    private static string Family(string name) => HistogramSeries().Replace(name, string.Empty);

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"""(standbyops_[a-z_]+)""")]
    private static partial Regex RegisteredName();

    [GeneratedRegex(@"\bstandbyops_[a-z_]+[a-z]\b")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"_(bucket|sum|count)$")]
    private static partial Regex HistogramSeries();
}
