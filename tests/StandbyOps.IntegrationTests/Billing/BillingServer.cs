using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>A server on <see cref="BillingConfigs"/> with an admin and a finance client, shared by one test class.</summary>
public sealed class BillingServer : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    /// <summary>The process.</summary>
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>Config file and data directory.</summary>
    public TempDirectory Directory => _directory;

    /// <summary>The config file.</summary>
    public string ConfigPath => _directory.File("standbyops.yaml");

    /// <summary>A client with the admin token.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A client with a finance token.</summary>
    public HttpClient Finance { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _directory.Write("standbyops.yaml", BillingConfigs.WithRate("100.00"));
        Server = await ServerProcess.StartAsync(ConfigPath, _directory.File("data"), new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret });
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        var created = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "finance", role = "finance" });
        var token = await HttpAssert.JsonAsync(created, System.Net.HttpStatusCode.Created);
        Finance = Server.ClientWithToken(token.GetProperty("secret").GetString()!);
    }

    /// <summary>Agrees a one-off standby period for <paramref name="customer"/>.</summary>
    public async Task AgreeAsync(string customer, string start, string end)
    {
        var response = await Finance.PostAsJsonAsync($"/api/v1/customers/{customer}/standby-periods", new { start, end, note = "worked example" });
        await HttpAssert.JsonAsync(response, System.Net.HttpStatusCode.Created);
    }

    /// <summary>POSTs the draft of <paramref name="customer"/>'s <paramref name="month"/> and returns it.</summary>
    public async Task<JsonElement> DraftAsync(string customer, string month) =>
        await HttpAssert.JsonAsync(await Finance.PostAsJsonAsync("/api/v1/invoices", new { customer, month }), System.Net.HttpStatusCode.OK);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Finance.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
