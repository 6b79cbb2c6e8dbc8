using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Support;

/// <summary>A server process on the minimal configuration with a known admin secret, shared by one test class.</summary>
public sealed class RunningServer : IAsyncLifetime
{
    /// <summary>The secret of the environment admin token.</summary>
    public const string AdminSecret = "integration-admin-secret-0123456789";

    private readonly TempDirectory _directory = new();

    /// <summary>The process; set once started.</summary>
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>The working directory (config file and data).</summary>
    public TempDirectory Directory => _directory;

    /// <summary>A client carrying the admin token.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var config = _directory.Write("standbyops.yaml", TestConfigs.Minimal);
        Server = await ServerProcess.StartAsync(config, _directory.File("data"), new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = AdminSecret });
        Admin = Server.ClientWithToken(AdminSecret);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
