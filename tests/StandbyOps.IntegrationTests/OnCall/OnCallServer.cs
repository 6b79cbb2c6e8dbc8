using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.OnCall;

/// <summary>
/// One server on the minimal configuration and virtual time (Fri 20 Nov 2026 15:00 Amsterdam), shared by the on-call
/// test classes. Team ops-nl rotates weekly anna/bram, handing over Monday 08:30 Amsterdam from Mon 5 Jan 2026 (slot 0
/// = anna), so bram holds odd weeks: e.g. 16–23 Nov 2026, and anna 23–30 Nov. Tests that add overrides use time
/// windows of their own.
/// </summary>
public sealed class OnCallServer : IAsyncLifetime
{
    public const string Now = "2026-11-20T14:00:00Z";

    private readonly TempDirectory _directory = new();

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_VIRTUAL_TIME"] = Now,
        };
        Server = await ServerProcess.StartAsync(_directory.Write("standbyops.yaml", TestConfigs.Minimal), _directory.File("data"), environment);
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Creates a token of <paramref name="role"/> and returns its secret.</summary>
    public async Task<string> SecretAsync(string role, string? customer = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role, customer });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }

    /// <summary>The on-call answer for acme at <paramref name="at"/>.</summary>
    public async Task<JsonElement> OnCallAsync(string at, HttpClient? client = null) =>
        await HttpAssert.JsonAsync(await (client ?? Admin).GetAsync($"/api/v1/oncall?customer=acme&at={Uri.EscapeDataString(at)}"), HttpStatusCode.OK);

    /// <summary>Who is on call for acme at <paramref name="at"/>.</summary>
    public async Task<string> OnCallEngineerAsync(string at) =>
        (await OnCallAsync(at)).GetProperty("onCall").GetProperty("engineer").GetString()!;
}

/// <summary>The test classes that share one <see cref="OnCallServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class OnCallServerCollection : ICollectionFixture<OnCallServer>
{
    public const string Name = "On-call server";
}
