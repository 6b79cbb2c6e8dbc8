using System.Diagnostics;
using StandbyOps.Testing.Server;

namespace StandbyOps.Testing.Support;

/// <summary>
/// Finds real components (promtool, PostgreSQL, Chromium) for integration tests. A missing one
/// skips the test, unless <c>STANDBYOPS_REQUIRE_INTEGRATION=1</c>, as CI sets, where it fails.
/// </summary>
public static class ExternalTool
{
    /// <summary>The variable CI sets so that a missing component fails instead of skipping.</summary>
    public const string RequireVariable = "STANDBYOPS_REQUIRE_INTEGRATION";

    /// <summary>True when CI demands every integration component.</summary>
    public static bool IntegrationRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The full path of <paramref name="name"/> on PATH (or one of <paramref name="extraDirectories"/>), or null.</summary>
    public static string? Find(string name, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(extraDirectories))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of <paramref name="name"/>; skips the test when absent, or fails it when integration is required.</summary>
    public static string Require(string name, string debianPackage, params string[] extraDirectories)
    {
        var found = Find(name, extraDirectories);
        if (found is not null)
        {
            return found;
        }

        var message = $"'{name}' is not installed (Debian package '{debianPackage}'; .ci/run installs it).";
        if (IntegrationRequired)
        {
            throw new InvalidOperationException($"{message} {RequireVariable}=1 demands it.");
        }

        throw new Xunit.SkipException(message);
    }

    /// <summary>Runs <paramref name="executable"/> (in <paramref name="workingDirectory"/>) with <paramref name="stdin"/> as its input and waits for it.</summary>
    public static ProcessResult Run(string executable, IEnumerable<string> arguments, string stdin, TimeSpan timeout, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{executable}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{executable}' did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
