using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;

namespace StandbyOps.IntegrationTests.Cluster;

/// <summary>
/// Three server processes on one PostgreSQL form a cluster and share 300 monitored systems, 30 of them failing during
/// standby; the node that owns the most monitors is killed (SIGKILL), paused (SIGSTOP) or stopped (SIGTERM, a deploy) in
/// the middle of the escalations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests
{
    private const int Systems = 300;
    private const int Failing = 30;
    private const int Shards = 30;

    [SkippableFact]
    public async Task A_killed_node_loses_no_incident_and_no_due_page_and_pages_none_twice()
    {
        await using var cluster = await ClusterNodes.StartAsync(nodes: 3, Systems, Failing);
        await Poll.UntilAsync(async () => await AllAsync(cluster, async i => (await cluster.ViewAsync(i)).MembersUp == 3), "three Up members", TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(async () => await ShardsOwnedAsync(cluster) == Shards, "every shard owned", TimeSpan.FromSeconds(60));

        // 30 incidents open and every on-call page (step 1) goes out: the monitors run on all three nodes.
        var incidents = await IncidentsAsync(cluster);
        Assert.Equal(Failing, incidents.Select(i => i.GetProperty("system").GetString()).Distinct().Count());
        await PagesAsync(cluster, cluster.Running.First(), incidents, 1, TimeSpan.FromSeconds(60));

        // Kill the node that owns the most monitor shards, before the backup step (30 s) falls due.
        var victim = await BusiestAsync(cluster);
        var survivor = cluster.Running.First(i => i != victim);
        var killed = Stopwatch.StartNew();
        await cluster.Nodes[victim]!.KillAsync();
        cluster.Nodes[victim] = null;

        // The survivors take its shards over (the monitors start again there) well within 15 s.
        await Poll.UntilAsync(async () => await ShardsOwnedAsync(cluster) == Shards && (await cluster.ViewAsync(survivor)).MembersUp == 2, "the survivors own every shard", TimeSpan.FromSeconds(30));
        var failover = killed.Elapsed;
        Assert.True(failover < TimeSpan.FromSeconds(15), $"failover took {failover.TotalSeconds:F1} s");

        // Every due step is still sent, each once: backup at 30 s and Chris at 60 s for each of the 30 incidents.
        await PagesAsync(cluster, survivor, incidents, 3, TimeSpan.FromSeconds(120));
        var pages = await PagedAsync(cluster, survivor, incidents);
        Assert.All(pages, p => Assert.Equal(3, p));
        foreach (var incident in incidents)
        {
            var detail = await cluster.IncidentAsync(survivor, incident.GetProperty("caseNumber").GetString()!);
            var engineers = detail.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("engineer").GetString()).ToList();
            Assert.Equal(engineers.Count, engineers.Distinct().Count());
        }

        // No incident lost, no case number twice, none skipped (a healthy system that missed three checks on this
        // loaded machine has an incident too: it counts for the numbers, not for the pages).
        var after = await cluster.IncidentsAsync(survivor);
        Assert.Equal(Failing, after.Count(IsOfAFailingSystem));
        var numbers = after.Select(i => int.Parse(i.GetProperty("caseNumber").GetString()!.Split('-')[1], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers);
        // At most one page repeated per phone the killed node may have been sending to at the kill (one sender per phone).
        Assert.InRange(cluster.RepeatedPages, 0, 3);
        Assert.True(cluster.PageSmsCount > 0, "the page SMS carry status callbacks, so repeats are counted");
        Console.WriteLine($"failover (kill → survivors own every shard): {failover.TotalSeconds:F1} s");
    }

    [SkippableFact]
    public async Task A_node_paused_for_30_seconds_sends_no_page_twice_and_rejoins_or_restarts_cleanly()
    {
        await using var cluster = await ClusterNodes.StartAsync(nodes: 3, Systems, Failing);
        await Poll.UntilAsync(async () => await AllAsync(cluster, async i => (await cluster.ViewAsync(i)).MembersUp == 3), "three Up members", TimeSpan.FromSeconds(60));
        var incidents = await IncidentsAsync(cluster);

        // Pause the busiest node (SIGSTOP) across the backup step at 30 s, then let it go on (SIGCONT).
        var paused = await BusiestAsync(cluster);
        var survivor = cluster.Running.First(i => i != paused);
        Signal("STOP", cluster.Nodes[paused]!.Id);
        await Poll.UntilAsync(async () => await ShardsOwnedAsync(cluster, except: paused) == Shards, "the others own every shard", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(30) - TimeSpan.FromSeconds(1));
        Signal("CONT", cluster.Nodes[paused]!.Id);

        // Downed while paused, it exits with code 5 (its supervisor would restart it); started again, it rejoins.
        var node = cluster.Nodes[paused]!;
        await Poll.UntilAsync(() => Task.FromResult(node.HasExited), "the downed node stops", TimeSpan.FromSeconds(60));
        // Its last lines may still be on their way from the pipe: poll for them.
        await Poll.UntilAsync(() => Task.FromResult(node.Output.Contains("removed from the cluster", StringComparison.Ordinal)), "the downed node says it was removed");
        await node.DisposeAsync();
        await cluster.StartNodeAsync(paused);
        await Poll.UntilAsync(async () => await AllAsync(cluster, async i => (await cluster.ViewAsync(i)).MembersUp == 3), "three Up members again", TimeSpan.FromSeconds(60));

        await PagesAsync(cluster, survivor, incidents, 3, TimeSpan.FromSeconds(120));
        Assert.All(await PagedAsync(cluster, survivor, incidents), p => Assert.Equal(3, p));
        foreach (var incident in incidents)
        {
            var detail = await cluster.IncidentAsync(survivor, incident.GetProperty("caseNumber").GetString()!);
            var engineers = detail.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("engineer").GetString()).ToList();
            Assert.Equal(engineers.Count, engineers.Distinct().Count());
        }

        Assert.Equal(0, cluster.RepeatedPages);
    }

    [SkippableFact]
    public async Task A_node_stopped_gracefully_hands_its_monitors_over_and_its_pages_are_neither_lost_nor_repeated()
    {
        await using var cluster = await ClusterNodes.StartAsync(nodes: 3, Systems, Failing);
        await Poll.UntilAsync(async () => await AllAsync(cluster, async i => (await cluster.ViewAsync(i)).MembersUp == 3), "three Up members", TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(async () => await ShardsOwnedAsync(cluster) == Shards, "every shard owned", TimeSpan.FromSeconds(60));
        var incidents = await IncidentsAsync(cluster);
        await PagesAsync(cluster, cluster.Running.First(), incidents, 1, TimeSpan.FromSeconds(60));

        // A deploy stops the busiest node (SIGTERM) before the backup step falls due: it leaves the cluster, so its
        // shards move without waiting for a failure detector, and what it was sending it finishes first.
        var leaving = await BusiestAsync(cluster);
        var survivor = cluster.Running.First(i => i != leaving);
        var node = cluster.Nodes[leaving]!;
        var stopped = Stopwatch.StartNew();
        Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(60)));
        await Poll.UntilAsync(async () => await ShardsOwnedAsync(cluster) == Shards && (await cluster.ViewAsync(survivor)).MembersUp == 2, "the others own every shard", TimeSpan.FromSeconds(30));
        var handover = stopped.Elapsed;
        cluster.Nodes[leaving] = null;
        Assert.DoesNotContain("are cut off", node.Output, StringComparison.Ordinal);
        Assert.Contains("This node left the cluster because it is stopping", node.Output, StringComparison.Ordinal);
        await node.DisposeAsync();

        // Every due step is sent once, and nothing is repeated: a graceful stop is not a crash.
        await PagesAsync(cluster, survivor, incidents, 3, TimeSpan.FromSeconds(120));
        Assert.All(await PagedAsync(cluster, survivor, incidents), p => Assert.Equal(3, p));
        var after = await cluster.IncidentsAsync(survivor);
        Assert.Equal(Failing, after.Count(IsOfAFailingSystem));
        Assert.Equal(0, cluster.RepeatedPages);
        Assert.True(cluster.PageSmsCount > 0, "the page SMS carry status callbacks, so repeats are counted");
        foreach (var incident in after)
        {
            var detail = await cluster.IncidentAsync(survivor, incident.GetProperty("caseNumber").GetString()!);
            var sent = detail.GetProperty("pages").EnumerateArray().Where(p => p.GetProperty("status").GetString() != "pending").Select(p => p.GetProperty("engineer").GetString()).ToList();
            Assert.Equal(sent.Count, sent.Distinct().Count());
        }

        Console.WriteLine($"graceful handover (SIGTERM → the others own every shard): {handover.TotalSeconds:F1} s");
    }

    private static bool IsOfAFailingSystem(JsonElement incident) =>
        int.Parse(incident.GetProperty("system").GetString()!["sys".Length..], CultureInfo.InvariantCulture) <= Failing;

    /// <summary>Waits for the 30 incidents; on a timeout says how many there were and what the nodes printed.</summary>
    private static async Task<JsonElement[]> IncidentsAsync(ClusterNodes cluster)
    {
        var seen = 0;
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(60);)
        {
            var list = (await cluster.IncidentsAsync(cluster.Running.First())).Where(IsOfAFailingSystem).ToArray();
            seen = list.Length;
            if (seen >= Failing)
            {
                return list;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{seen} of {Failing} incidents after 60 s; the nodes printed:\n{Outputs(cluster)}");
        return [];
    }

    /// <summary>Waits until every incident has <paramref name="count"/> sent pages; on a timeout says how many each had.</summary>
    private static async Task PagesAsync(ClusterNodes cluster, int node, JsonElement[] incidents, int count, TimeSpan within)
    {
        int[] paged = [];
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < within;)
        {
            paged = await PagedAsync(cluster, node, incidents);
            if (paged.All(p => p >= count))
            {
                return;
            }

            await Task.Delay(500);
        }

        using var admin = cluster.Admin(node);
        var onCall = await (await admin.GetAsync("/api/v1/oncall?customer=acme")).Content.ReadAsStringAsync();
        var intents = string.Join('\n', (await (await admin.GetAsync("/metrics")).Content.ReadAsStringAsync()).Split('\n').Where(l => l.StartsWith("standbyops_intent", StringComparison.Ordinal)));
        Assert.Fail($"pages per incident after {within.TotalSeconds} s: [{string.Join(", ", paged)}], {cluster.SmsCount} SMS; on call: {onCall}\n{intents}\nthe nodes printed:\n{Outputs(cluster)}");
    }

    private static string Outputs(ClusterNodes cluster) =>
        string.Join("\n----\n", cluster.Running.Select(i => string.Join('\n', cluster.Nodes[i]!.Output.Split('\n').Where(l => !l.Contains("Dead letter", StringComparison.Ordinal)).TakeLast(25))));

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The running node that owns the most monitor shards.</summary>
    private static async Task<int> BusiestAsync(ClusterNodes cluster)
    {
        var shards = new Dictionary<int, int>();
        foreach (var i in cluster.Running)
        {
            shards[i] = (await cluster.ViewAsync(i)).Shards;
        }

        return shards.MaxBy(kv => kv.Value).Key;
    }

    private static async Task<bool> AllAsync(ClusterNodes cluster, Func<int, Task<bool>> test)
    {
        foreach (var i in cluster.Running)
        {
            if (!await test(i))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<int> ShardsOwnedAsync(ClusterNodes cluster, int except = -1)
    {
        var total = 0;
        foreach (var i in cluster.Running.Where(i => i != except))
        {
            total += (await cluster.ViewAsync(i)).Shards;
        }

        return total;
    }

    /// <summary>How many pages each incident has that were sent (not pending).</summary>
    private static async Task<int[]> PagedAsync(ClusterNodes cluster, int node, IEnumerable<JsonElement> incidents)
    {
        var counts = new List<int>();
        foreach (var incident in incidents)
        {
            var detail = await cluster.IncidentAsync(node, incident.GetProperty("caseNumber").GetString()!);
            counts.Add(detail.GetProperty("pages").EnumerateArray().Count(p => p.GetProperty("status").GetString() != "pending"));
        }

        return [.. counts];
    }
}
