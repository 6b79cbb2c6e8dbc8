using System.Diagnostics;
using Npgsql;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.Testing.Components;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package) initialised in a temp directory and run on a loopback
/// port for the whole test run; every test gets a database of its own from <see cref="CreateDatabaseAsync"/>.
/// PostgreSQL refuses to run as root, so as root the server runs as the unprivileged <c>postgres</c> user
/// (the package creates it; <c>nobody</c> otherwise). Missing binaries skip the test, or fail it under
/// <c>STANDBYOPS_REQUIRE_INTEGRATION=1</c>.
/// </summary>
public sealed class PostgresServer
{
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly Process _process;
    private readonly string _directory;

    private PostgresServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        AdminConnectionString = ConnectionString("postgres");
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string for the maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The server of this test run, started on first use.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        var bin = BinDirectory();
        await StartGate.WaitAsync().ConfigureAwait(false);
        try
        {
            return _shared ??= await StartAsync(bin).ConfigureAwait(false);
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>Creates an empty database (C collation, so ISO-8601 text sorts bytewise) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = "standbyops", Pooling = true, Timeout = 15 }.ToString();

    private static string BinDirectory()
    {
        var versions = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin")).ToArray()
            : [];
        return Path.GetDirectoryName(ExternalTool.Require("initdb", "postgresql", versions))!;
    }

    private static async Task<PostgresServer> StartAsync(string bin)
    {
        var directory = Path.Combine(Path.GetTempPath(), "standbyops-pg", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(directory, "data");
        System.IO.Directory.CreateDirectory(directory);
        var user = Environment.UserName == "root" ? UnprivilegedUser() : null;
        if (user is not null)
        {
            Run("chown", ["-R", $"{user}:", directory]);
        }

        var (initFile, initArguments) = AsUser(user, Path.Combine(bin, "initdb"), ["-D", data, "-U", "standbyops", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var init = ExternalTool.Run(initFile, initArguments, string.Empty, TimeSpan.FromSeconds(120));
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed ({init.ExitCode}):\n{init.StandardOutput}\n{init.StandardError}");
        }

        var port = ServerProcess.FreePort();
        var (file, arguments) = AsUser(user, Path.Combine(bin, "postgres"),
            ["-D", data, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", directory,
             "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=500", "-c", "shared_buffers=64MB"]);
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start postgres");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PostgresServer(process, directory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        await server.WaitUntilReadyAsync(log).ConfigureAwait(false);
        return server;
    }

    private static void Append(System.Text.StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(System.Text.StringBuilder log)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with code {_process.ExitCode}:\n{log}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException)
            {
                // Still starting.
            }

            // Polling a child process for readiness; no assertion depends on this interval.
            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"postgres was not ready within 60 s:\n{log}");
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort at process exit; the temp folder is cleaned by the OS.
        }
    }

    private static string UnprivilegedUser() =>
        File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";

    /// <summary>The command line that runs <paramref name="executable"/> as <paramref name="user"/> (setpriv execs it, so killing it kills the program).</summary>
    private static (string File, List<string> Arguments) AsUser(string? user, string executable, IEnumerable<string> arguments) =>
        user is null
            ? (executable, arguments.ToList())
            : ("setpriv", ["--reuid", user, "--regid", user, "--init-groups", executable, .. arguments]);

    private static void Run(string executable, IEnumerable<string> arguments)
    {
        var result = ExternalTool.Run(executable, arguments, string.Empty, TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} failed ({result.ExitCode}): {result.StandardError}");
        }
    }
}
