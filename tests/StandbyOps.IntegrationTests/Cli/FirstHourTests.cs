using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Cli;

/// <summary>The first hour with the shipped demo: what the server says after start, and how it refuses a busy port or data directory.</summary>
public sealed class FirstHourTests
{
    private const string Start = "2026-11-24T19:00:00Z";

    [Fact]
    public async Task The_demo_prints_its_next_steps_and_a_simulated_1A_reply_acknowledges_its_incident()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", await File.ReadAllTextAsync(RepoFiles.Path("standbyops.yaml")));
        var environment = new Dictionary<string, string> { ["STANDBYOPS_VIRTUAL_TIME"] = Start, ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret };
        await using var server = await ServerProcess.StartAsync(config, directory.File("data"), environment);
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);

        // The block: the address actually bound (a free port, not the demo's 8080), the token command, where SMS go.
        await Poll.UntilAsync(() => Task.FromResult(server.Output.Contains("Next steps 3/3", StringComparison.Ordinal)), "the next steps are printed");
        Assert.Contains($"Next steps 1/3: the web UI is at {server.BaseAddress}", server.Output, StringComparison.Ordinal);
        Assert.Contains("SMS provider 'log'", server.Output, StringComparison.Ordinal);
        Assert.Contains("/api/v1/sms/outbox", server.Output, StringComparison.Ordinal);
        var command = server.Output.Split('\n').Single(l => l.Contains("Next steps 2/3", StringComparison.Ordinal));
        command = command[(command.IndexOf(": dotnet ", StringComparison.Ordinal) + 2)..command.IndexOf(" (it prints", StringComparison.Ordinal)];
        // The exact command, typed where the server was started, creates a token this server accepts.
        var created = ExternalTool.Run("bash", ["-c", command], string.Empty, TimeSpan.FromMinutes(2), AppContext.BaseDirectory);
        Assert.True(created.ExitCode == 0, $"'{command}' exited {created.ExitCode}: {created.StandardError}");
        using var first = server.ClientWithToken(created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/tokens")).StatusCode);

        // Virtual time moves 5 s per look: the self-check probes this server on its --urls port (not the demo's 8080), the
        // discard check fails three times, the incident opens and, after the 15 s group wait, its page lands in the outbox.
        var caseNumber = await Poll.UntilAsync(async () =>
        {
            await AdvanceAsync(admin);
            var incidents = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents?customer=acme"), HttpStatusCode.OK);
            return incidents.EnumerateArray().Where(i => i.GetProperty("system").GetString() == "demo").Select(i => i.GetProperty("caseNumber").GetString()).FirstOrDefault();
        }, "the demo's discard check opened an incident");
        await Poll.UntilAsync(async () =>
        {
            await AdvanceAsync(admin);
            var systems = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/systems?customer=acme"), HttpStatusCode.OK);
            var self = systems.EnumerateArray().Single(s => s.GetProperty("system").GetString() == "demo").GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "self");
            return self.GetProperty("state").GetString() == "up";
        }, "the demo's self-check is up");
        var page = (JsonElement)await Poll.UntilAsync(async () =>
        {
            await AdvanceAsync(admin);
            var outbox = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/sms/outbox"), HttpStatusCode.OK);
            return outbox.EnumerateArray().Where(m => m.GetProperty("body").GetString()!.Contains(caseNumber, StringComparison.Ordinal)).Select(m => (object)m).FirstOrDefault();
        }, "the page is in the outbox");
        Assert.Contains("Reply 1A ack", page.GetProperty("body").GetString(), StringComparison.Ordinal);

        using var desk = server.ClientWithToken(await CreateTokenAsync(admin, "desk"));
        using var reply = await desk.PostAsJsonAsync($"/api/v1/sms/outbox/{page.GetProperty("providerId").GetString()}/reply", new { body = "1A" });
        var answer = await HttpAssert.JsonAsync(reply, HttpStatusCode.OK);

        Assert.Equal($"{caseNumber} acknowledged.", answer.GetProperty("answer").GetString());
        Assert.Equal(page.GetProperty("to").GetString(), answer.GetProperty("from").GetString());
        var acknowledged = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK);
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        Assert.StartsWith("engineer:", acknowledged.GetProperty("acknowledgedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_is_one_clear_line_and_a_nonzero_exit_without_a_stack_trace()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal);
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var result = await ServerProcess.RunCliAsync(["--urls", address, "--data-dir", directory.File("data"), "--config", config]);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Cannot listen on {address}: the address is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_server_on_the_same_data_directory_is_refused_until_the_first_is_gone()
    {
        using var directory = new TempDirectory();
        // Named explicitly: the lock guards the SQLite store (even in a PostgreSQL sweep of the suite).
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal + "\nstore:\n  kind: sqlite\n");
        var data = directory.File("data");
        var first = await ServerProcess.StartAsync(config, data);

        var second = await ServerProcess.RunCliAsync(["--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}", "--data-dir", data, "--config", config]);

        Assert.Equal(4, second.ExitCode);
        var line = Assert.Single(second.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Data directory {Path.GetFullPath(data)} is in use by another StandbyOps server", line, StringComparison.Ordinal);
        Assert.Contains("--data-dir", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/readyz")).StatusCode);

        // The lock lives as long as the process, however it ends: after a SIGKILL the directory is free again.
        await first.KillAsync();
        await first.DisposeAsync();
        await using var next = await ServerProcess.StartAsync(config, data);
        Assert.Equal(HttpStatusCode.OK, (await next.Http.GetAsync("/readyz")).StatusCode);
    }

    private static async Task AdvanceAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 5 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> CreateTokenAsync(HttpClient admin, string role)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }
}
