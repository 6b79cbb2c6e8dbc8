using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.FakeTwilio;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Cluster;

/// <summary>
/// Several real server processes on loopback forming one Akka.Cluster over one PostgreSQL database, paging through a
/// fake Twilio, on real time (an actor system on virtual time cannot run a cluster: its heartbeats would stand still).
/// Their customer is always in standby (business hours one minute a week, nights 23 h 59 min a day), its systems are TCP checks every 3 s
/// against a listener here (up) or a closed port (down), and the escalation is on call now, backup at 30 s and
/// Chris at 60 s.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    public const string Anna = "+31612345678";
    public const string Bram = "+31623456789";
    public const string Chris = "+31634567890";

    private readonly TempDirectory _directory = new();
    private readonly TcpListener _up = new(IPAddress.Loopback, 0);
    private readonly List<int> _clusterPorts;
    private readonly List<int> _httpPorts;
    private readonly string _postgres;
    private readonly string _configPath;

    private ClusterNodes(FakeTwilioServer twilio, string postgres, int nodes, int systems, int failing)
    {
        Twilio = twilio;
        _postgres = postgres;
        _clusterPorts = [.. Enumerable.Range(0, nodes).Select(_ => ServerProcess.FreePort())];
        _httpPorts = [.. Enumerable.Range(0, nodes).Select(_ => ServerProcess.FreePort())];
        _up.Start();
        _ = AcceptForeverAsync();
        Nodes = new ServerProcess?[nodes];
        _configPath = _directory.Write("standbyops.yaml", Config(systems, failing));
    }

    public FakeTwilioServer Twilio { get; }

    /// <summary>The node processes by index; null once killed.</summary>
    public ServerProcess?[] Nodes { get; }

    public IEnumerable<int> Running => Enumerable.Range(0, Nodes.Length).Where(i => Nodes[i] is { HasExited: false });

    public static async Task<ClusterNodes> StartAsync(int nodes, int systems, int failing)
    {
        var postgres = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("cluster");
        var cluster = new ClusterNodes(await FakeTwilioServer.StartAsync(), postgres, nodes, systems, failing);
        // The first seed forms the cluster alone; the others join it. Each start waits for /readyz (an Up member).
        for (var i = 0; i < nodes; i++)
        {
            await cluster.StartNodeAsync(i);
        }

        return cluster;
    }

    public async Task StartNodeAsync(int index)
    {
        var environment = new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_PG"] = _postgres,
            ["NODE_PORT"] = _clusterPorts[index].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NODE_URL"] = $"http://127.0.0.1:{_httpPorts[index]}",
        };
        Nodes[index] = await ServerProcess.StartAsync(_configPath, _directory.File($"data{index}"), environment, _httpPorts[index]);
    }

    public HttpClient Admin(int index) => Nodes[index]!.ClientWithToken(RunningServer.AdminSecret);

    public async Task<JsonElement> ReadinessAsync(int index)
    {
        using var client = new HttpClient { BaseAddress = Nodes[index]!.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var response = await client.GetAsync("/readyz");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The node's cluster view from <c>/readyz</c>: members up and shards owned; none while it does not answer in time (a busy node is polled again).</summary>
    public async Task<(int MembersUp, int Shards)> ViewAsync(int index)
    {
        try
        {
            var cluster = (await ReadinessAsync(index)).GetProperty("cluster");
            return (cluster.GetProperty("membersUp").GetInt32(), cluster.GetProperty("shardsOwned").GetInt32());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, 0);
        }
    }

    public async Task<JsonElement[]> IncidentsAsync(int index)
    {
        using var admin = Admin(index);
        return [.. (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents?limit=500"), HttpStatusCode.OK)).EnumerateArray()];
    }

    public async Task<JsonElement> IncidentAsync(int index, string caseNumber)
    {
        using var admin = Admin(index);
        return await HttpAssert.JsonAsync(await admin.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK);
    }

    public int SmsCount => Twilio.Requests.Count(r => r.Path.EndsWith("/Messages.json", StringComparison.Ordinal) && r.Status == 201);

    /// <summary>How many page SMS were sent (each page has a status callback of its own; notices have none).</summary>
    public int PageSmsCount => PageSms().Count();

    /// <summary>How many page SMS were sent again: more than one with the same page's status callback.</summary>
    public int RepeatedPages => PageSms().GroupBy(r => r.Form["StatusCallback"], StringComparer.Ordinal).Sum(g => g.Count() - 1);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes.OfType<ServerProcess>())
        {
            await node.DisposeAsync();
        }

        _up.Stop();
        await Twilio.DisposeAsync();
        _directory.Dispose();
    }

    private IEnumerable<FakeTwilioRequest> PageSms() =>
        Twilio.Requests.Where(r => r.Path.EndsWith("/Messages.json", StringComparison.Ordinal) && r.Status == 201 && r.Form.ContainsKey("StatusCallback"));

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _up.AcceptTcpClientAsync();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private string Config(int systems, int failing)
    {
        var upPort = ((IPEndPoint)_up.LocalEndpoint).Port;
        var closedPort = ServerProcess.FreePort();
        var seeds = string.Join(", ", _clusterPorts.Select(p => $"\"127.0.0.1:{p}\""));
        var head = ConfigBlocks.TwilioSmsServer(new Uri("http://127.0.0.1:1/"), Twilio, "+3197010000000").Replace("http://127.0.0.1:1", "${NODE_URL}", StringComparison.Ordinal)
            + $"\nstore:\n  kind: postgres\n  connectionString: ${{STANDBYOPS_PG}}\ncluster:\n  host: 127.0.0.1\n  port: ${{NODE_PORT}}\n  seedNodes: [{seeds}]";
        const string Calendar = """
              always-standby:
                timeZone: Europe/Amsterdam
                hours:
                  mon: "03:00-03:01"
            """;
        var lines = new List<string> { "    systems:" };
        for (var i = 1; i <= systems; i++)
        {
            lines.Add($"      sys{i:D3}:");
            lines.Add($"        name: System {i}");
            lines.Add("        criticality: high");
            lines.Add("        checks:");
            lines.Add("          port:");
            lines.Add($"            tcp: {{ host: 127.0.0.1, port: {(i <= failing ? closedPort : upPort)} }}");
            lines.Add("            interval: 3s");
            lines.Add("            timeout: 2s");
            // A failing system opens its incident at its first failed check; a healthy one would need three in a row.
            lines.Add($"            failureThreshold: {(i <= failing ? 1 : 3)}");
        }

        var customer = ConfigBlocks.AcmeCustomer(rest: ConfigBlocks.AcmeStandby + "\n" + string.Join('\n', lines))
            .Replace("calendar: nl-office", "calendar: always-standby", StringComparison.Ordinal);
        return ConfigBlocks.Document(
            head,
            calendars: Calendar,
            // Agreed standby covers the rate card's nights: here 03:01 to 03:00 the next day, so it is standby now.
            rateCards: ConfigBlocks.StandardRateCard(surcharges: false)
                + "\n    night: { from: \"03:01\", to: \"03:00\", percent: 100, minimumHours: 2 }"
                + "\n    weekend: { days: [sat, sun], from: \"03:00\", to: \"03:01\", percent: 50, minimumHours: 1 }",
            teams: ConfigBlocks.OpsNlTeam(
                engineers: [.. ConfigBlocks.AnnaAndBram, ConfigBlocks.Engineer("chris", "Chris Smit", Chris)],
                escalation: [ConfigBlocks.OnCallStep, ConfigBlocks.Step("30s", "backup"), ConfigBlocks.Step("60s", "[chris]")],
                groupWait: "0s"),
            customers: customer);
    }
}
