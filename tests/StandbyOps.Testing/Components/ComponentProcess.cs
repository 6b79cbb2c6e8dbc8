using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace StandbyOps.Testing.Components;

/// <summary>
/// A real program (the StandbyOps server, Prometheus, Alertmanager) run as a child process on a loopback port for
/// the length of a test: started, waited for until its readiness URL answers 200, killed on dispose.
/// </summary>
public sealed class ComponentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private ComponentProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>What runs, for messages.</summary>
    public string Name { get; }

    /// <summary>Where the program listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/> without credentials.</summary>
    public HttpClient Http { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="info"/> (its output is redirected here) and waits until <paramref name="readinessPath"/>
    /// on <paramref name="baseAddress"/> answers 200; fails with the program's output if it exits or is not ready in time.
    /// </summary>
    public static async Task<ComponentProcess> StartAsync(string name, ProcessStartInfo info, Uri baseAddress, string readinessPath, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var component = new ComponentProcess(name, process, baseAddress);
        process.OutputDataReceived += (_, e) => component.Append(e.Data);
        process.ErrorDataReceived += (_, e) => component.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await component.WaitUntilReadyAsync(readinessPath, timeout).ConfigureAwait(false);
        }
        catch
        {
            await component.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return component;
    }

    /// <summary>SIGKILL: no shutdown code runs, as on a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) failed for pid {_process.Id}.");
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(string readinessPath, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(readinessPath, UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (deadline.Elapsed < timeout)
            {
                // Listening but too busy to answer within the client's timeout (a node starting many monitors): ask again.
            }

            // Polling for readiness of a child process; no assertion depends on this interval.
            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled for one test-only libc call
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
