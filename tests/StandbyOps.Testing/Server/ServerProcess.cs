using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;

namespace StandbyOps.Testing.Server;

/// <summary>
/// The real <c>StandbyOps.Server</c> executable as a child process on a loopback port, for tests that
/// must see what a user sees: start-up validation, SIGKILL durability, SIGTERM shutdown, real scrapes.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ComponentProcess _process;

    private ServerProcess(ComponentProcess process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    /// <summary>Set to <c>postgres</c> to sweep the integration tests over PostgreSQL (<see cref="StartAsync"/>).</summary>
    public const string StoreVariable = "STANDBYOPS_TEST_STORE";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TestDatabases = new();

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The server's <c>--data-dir</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>A client for <see cref="BaseAddress"/> without credentials.</summary>
    public HttpClient Http => _process.Http;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far (stdout and stderr interleaved).</summary>
    public string Output => _process.Output;

    /// <summary>The server assembly next to the test assembly (the test project references the server).</summary>
    public static string ServerAssembly => Path.Combine(AppContext.BaseDirectory, "StandbyOps.Server.dll");

    /// <summary>A free loopback TCP port for a process that binds it later (<see cref="FreePorts"/>).</summary>
    public static int FreePort() => FreePorts.Next();

    /// <summary>Starts the server and waits until <c>/readyz</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string configPath, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, int? port = null, IEnumerable<string>? extraArguments = null, TimeSpan? readyWithin = null)
    {
        environment = await OnTestStoreAsync(configPath, dataDirectory, environment).ConfigureAwait(false);
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var info = StartInfo(["--urls", address.ToString().TrimEnd('/'), "--data-dir", dataDirectory, "--config", configPath, .. extraArguments ?? []], environment);
        var process = await ComponentProcess.StartAsync("The server", info, address, "/readyz", readyWithin ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new ServerProcess(process, dataDirectory);
    }

    /// <summary>Runs a CLI verb of the server executable to completion.</summary>
    public static async Task<ProcessResult> RunCliAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = StartInfo(arguments, environment);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, as on a power cut of the process.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public Task<int> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    /// <summary>Kills the process if it still runs.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>
    /// With <see cref="StoreVariable"/><c>=postgres</c>, a server whose configuration names no store keeps it in a
    /// PostgreSQL database of its own (one per data directory, so a restart finds its data): the whole integration suite
    /// can be swept over PostgreSQL by hand, beyond the store tests that always run on both.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>?> OnTestStoreAsync(string configPath, string dataDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        if (Environment.GetEnvironmentVariable(StoreVariable) != "postgres" || !File.Exists(configPath))
        {
            return environment;
        }

        var text = await File.ReadAllTextAsync(configPath).ConfigureAwait(false);
        var namesStore = text.StartsWith("store:", StringComparison.Ordinal) || text.Contains("\nstore:", StringComparison.Ordinal);
        if (namesStore && !TestDatabases.ContainsKey(dataDirectory))
        {
            return environment;
        }

        if (!TestDatabases.TryGetValue(dataDirectory, out var connectionString))
        {
            connectionString = await (await PostgresServer.SharedAsync().ConfigureAwait(false)).CreateDatabaseAsync("sweep").ConfigureAwait(false);
            TestDatabases[dataDirectory] = connectionString;
        }

        if (!namesStore)
        {
            await File.AppendAllTextAsync(configPath, "\nstore:\n  kind: postgres\n  connectionString: ${STANDBYOPS_PG}\n").ConfigureAwait(false);
        }

        return new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["STANDBYOPS_PG"] = connectionString };
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(ServerAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("STANDBYOPS_ADMIN_TOKEN");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }
}
