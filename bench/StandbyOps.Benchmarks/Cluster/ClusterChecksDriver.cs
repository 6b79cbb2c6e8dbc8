using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.Benchmarks.Cluster;

/// <summary>
/// Checks/s of a cluster: N real server processes (<c>StandbyOps.Server.dll</c>) on loopback forming one Akka.Cluster
/// over one PostgreSQL 15 (the tests' local server), watching the same S systems with one TCP check each every I
/// seconds against a listener here. Once every system checks at its rate it counts <c>standbyops_check_runs_total</c>
/// on every node for D seconds and prints the achieved checks/s, the schedule lag p50/p99 from
/// <c>standbyops_check_schedule_lag_seconds</c>, and the CPU seconds and RSS of the server processes. With
/// <c>kill</c> it then SIGKILLs the node owning the most shards and reports the failover: kill → the survivors own
/// every shard (<c>/readyz</c>), and kill → the survivors check at the full rate again.
/// <c>heartbeatPause=5s</c> and <c>stableAfter=10s</c> set the <c>cluster:</c> keys of the same names (defaults 2 s and 4 s).
/// <c>dotnet run -c Release --project bench/StandbyOps.Benchmarks -- cluster-checks [nodes=3] [systems=30000] [intervalSeconds=30] [durationSeconds=60] [kill] [heartbeatPause=…] [stableAfter=…]</c>
/// </summary>
public static class ClusterChecksDriver
{
    private const string AdminSecret = "bench-admin-secret-0123456789abcdef";
    private const int Shards = 30;

    /// <summary>Runs the driver and prints the results.</summary>
    public static async Task RunAsync(string[] args)
    {
        var nodes = Arg(args, 0, 3);
        var systems = Arg(args, 1, 30_000);
        var interval = Arg(args, 2, 30);
        var duration = Arg(args, 3, 60);
        var kill = args.Contains("kill");
        var expected = (double)systems / interval;

        using var directory = new TempDirectory();
        using var up = new TcpListener(IPAddress.Loopback, 0);
        up.Start(4096);
        using var stop = new CancellationTokenSource();
        var accepting = AcceptForeverAsync(up, stop.Token);
        var postgres = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("bench");
        var clusterPorts = Enumerable.Range(0, nodes).Select(_ => ServerProcess.FreePort()).ToArray();
        var httpPorts = Enumerable.Range(0, nodes).Select(_ => ServerProcess.FreePort()).ToArray();
        var timings = string.Concat(args.Where(a => a.StartsWith("heartbeatPause=", StringComparison.Ordinal) || a.StartsWith("stableAfter=", StringComparison.Ordinal))
            .Select(a => $"\n  {a.Replace("=", ": ", StringComparison.Ordinal)}"));
        var config = directory.Write("standbyops.yaml", Config(systems, interval, ((IPEndPoint)up.LocalEndpoint).Port, clusterPorts, timings));
        var servers = new ServerProcess?[nodes];
        try
        {
            var started = Stopwatch.StartNew();
            for (var i = 0; i < nodes; i++)
            {
                var environment = new Dictionary<string, string>
                {
                    ["STANDBYOPS_ADMIN_TOKEN"] = AdminSecret,
                    ["STANDBYOPS_PG"] = postgres,
                    ["NODE_PORT"] = clusterPorts[i].ToString(CultureInfo.InvariantCulture),
                };
                servers[i] = await ServerProcess.StartAsync(config, directory.File($"data{i}"), environment, httpPorts[i], readyWithin: TimeSpan.FromMinutes(5));
            }

            var clients = servers.Select(s => s!.ClientWithToken(AdminSecret)).ToArray();
            foreach (var client in clients)
            {
                client.Timeout = TimeSpan.FromSeconds(30);
            }

            await WaitAsync("every shard owned", TimeSpan.FromMinutes(5), async () => (await ViewsAsync(clients, Enumerable.Range(0, nodes))).Sum(v => v.Shards) == Shards);
            var rampUp = started.Elapsed;

            // Warm-up: one whole interval after the last shard started, so every system has armed its slot.
            await Task.Delay(TimeSpan.FromSeconds(interval + 5));
            var all = Enumerable.Range(0, nodes).ToArray();
            var before = await SampleAsync(clients, servers, all);
            await Task.Delay(TimeSpan.FromSeconds(duration));
            var after = await SampleAsync(clients, servers, all);
            var seconds = Stopwatch.GetElapsedTime(before.At, after.At).TotalSeconds;
            var rate = (after.Runs - before.Runs) / seconds;
            var lag = after.Lag.ToDictionary(b => b.Key, b => b.Value - before.Lag.GetValueOrDefault(b.Key));
            var views = await ViewsAsync(clients, all);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"nodes={nodes} systems={systems} interval={interval}s measured {seconds:F0} s after a ramp-up of {rampUp.TotalSeconds:F0} s (start → every shard owned)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"achieved checks/s: {rate:F0} (expected {expected:F0}); failed runs {after.Failed - before.Failed:F0}; shards per node [{string.Join(", ", views.Select(v => v.Shards))}]"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scheduling lag p50 <= {Quantile(lag, 0.5)} s, p99 <= {Quantile(lag, 0.99)} s (bucket upper bounds)"));
            var cpu = after.CpuSeconds - before.CpuSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU of the servers: {cpu / seconds:F2} cores ({cpu / seconds / Environment.ProcessorCount * 100:F0}% of {Environment.ProcessorCount}), {cpu * 1e6 / Math.Max(1, after.Runs - before.Runs):F0} µs per check; RSS per node [{string.Join(", ", after.RssMiB.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}] MiB"));

            if (kill && nodes > 1)
            {
                await FailoverAsync(clients, servers, views, expected);
            }
        }
        catch (HttpRequestException)
        {
            // A node stopped answering: say which one exited, and its last words, before the run ends.
            for (var i = 0; i < nodes; i++)
            {
                if (servers[i] is { HasExited: true } exited)
                {
                    Console.WriteLine($"node {i} exited; its last lines:");
                    Console.WriteLine(string.Join('\n', exited.Output.Split('\n').Where(l => !l.Contains("Dead letter", StringComparison.Ordinal)).TakeLast(12)));
                }
            }

            throw;
        }
        finally
        {
            await stop.CancelAsync();
            up.Stop();
            await accepting;
            foreach (var server in servers.OfType<ServerProcess>())
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task FailoverAsync(HttpClient[] clients, ServerProcess?[] servers, IReadOnlyList<(int Up, int Shards)> views, double expected)
    {
        var victim = Enumerable.Range(0, views.Count).MaxBy(i => views[i].Shards);
        var survivors = Enumerable.Range(0, servers.Length).Where(i => i != victim).ToArray();
        var baseline = await SampleAsync(clients, servers, survivors);
        var clock = Stopwatch.StartNew();
        await servers[victim]!.KillAsync();
        servers[victim] = null;
        TimeSpan? owned = null;
        TimeSpan? fullRate = null;
        var previous = baseline;
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && (owned is null || fullRate is null))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (owned is null && (await ViewsAsync(clients, survivors)).Sum(v => v.Shards) == Shards)
            {
                owned = clock.Elapsed;
            }

            var sample = await SampleAsync(clients, servers, survivors);
            // Over the last 5 s (a check's interval is longer, so this is the survivors' whole load arriving).
            if (Stopwatch.GetElapsedTime(previous.At, sample.At).TotalSeconds >= 5)
            {
                var rate = (sample.Runs - previous.Runs) / Stopwatch.GetElapsedTime(previous.At, sample.At).TotalSeconds;
                if (owned is not null && fullRate is null && rate >= expected * 0.95)
                {
                    fullRate = clock.Elapsed;
                }

                previous = sample;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover: killed node {victim} ({views[victim].Shards} shards); kill → survivors own every shard {Seconds(owned)}; kill → survivors at >= 95% of the full check rate (5-s window) {Seconds(fullRate)}"));
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F1} s") : "not within 3 min";

    private static async Task<Sample> SampleAsync(HttpClient[] clients, ServerProcess?[] servers, IEnumerable<int> nodes)
    {
        double runs = 0;
        double failed = 0;
        var lag = new Dictionary<double, double>();
        double cpu = 0;
        var rss = new List<double>();
        foreach (var i in nodes)
        {
            var text = await clients[i].GetStringAsync("/metrics");
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("standbyops_check_runs_total{", StringComparison.Ordinal))
                {
                    var value = Value(line);
                    runs += value;
                    failed += line.Contains("result=\"failure\"", StringComparison.Ordinal) ? value : 0;
                }
                else if (line.StartsWith("standbyops_check_schedule_lag_seconds_bucket{", StringComparison.Ordinal))
                {
                    var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
                    var bound = le[..le.IndexOf('"', StringComparison.Ordinal)];
                    var key = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
                    lag[key] = lag.GetValueOrDefault(key) + Value(line);
                }
            }

            var stat = (await File.ReadAllTextAsync($"/proc/{servers[i]!.Id}/stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            cpu += (double.Parse(stat[11], CultureInfo.InvariantCulture) + double.Parse(stat[12], CultureInfo.InvariantCulture)) / 100.0;
            var status = await File.ReadAllLinesAsync($"/proc/{servers[i]!.Id}/status");
            rss.Add(double.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024);
        }

        return new Sample(Stopwatch.GetTimestamp(), runs, failed, lag, cpu, rss);
    }

    /// <summary>The upper bound of the first cumulative bucket holding <paramref name="q"/> of the observations.</summary>
    private static double Quantile(Dictionary<double, double> buckets, double q)
    {
        var total = buckets.GetValueOrDefault(double.PositiveInfinity);
        return buckets.OrderBy(b => b.Key).FirstOrDefault(b => b.Value >= q * total, new(double.PositiveInfinity, 0)).Key;
    }

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<(int Up, int Shards)>> ViewsAsync(HttpClient[] clients, IEnumerable<int> nodes)
    {
        var views = new List<(int, int)>();
        foreach (var i in nodes)
        {
            try
            {
                using var response = await clients[i].GetAsync("/readyz");
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var cluster = json.RootElement.GetProperty("cluster");
                views.Add((cluster.GetProperty("membersUp").GetInt32(), cluster.GetProperty("shardsOwned").GetInt32()));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                views.Add((0, 0));
            }
        }

        return views;
    }

    private static async Task WaitAsync(string what, TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"not reached within {limit}: {what}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static string Config(int systems, int interval, int upPort, int[] clusterPorts, string timings)
    {
        var seeds = string.Join(", ", clusterPorts.Select(p => $"\"127.0.0.1:{p}\""));
        var head = ConfigBlocks.LogSmsServer
            + $"\nstore:\n  kind: postgres\n  connectionString: ${{STANDBYOPS_PG}}\ncluster:\n  host: 127.0.0.1\n  port: ${{NODE_PORT}}\n  seedNodes: [{seeds}]" + timings;
        var lines = new StringBuilder("    systems:\n");
        for (var i = 1; i <= systems; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"      sys{i:D5}:\n        name: System {i}\n        criticality: high\n        checks:\n");
            lines.Append(CultureInfo.InvariantCulture, $"          port: {{ tcp: {{ host: 127.0.0.1, port: {upPort} }}, interval: {interval}s, timeout: 5s }}\n");
        }

        return ConfigBlocks.Document(head, ConfigBlocks.NlOfficeCalendar, ConfigBlocks.StandardRateCard(), ConfigBlocks.OpsNlTeam(),
            ConfigBlocks.AcmeCustomer(rest: ConfigBlocks.AcmeStandby + "\n" + lines.ToString().TrimEnd('\n')));
    }

    private static async Task AcceptForeverAsync(TcpListener listener, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped.
        }
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed record Sample(long At, double Runs, double Failed, Dictionary<double, double> Lag, double CpuSeconds, List<double> RssMiB);
}
