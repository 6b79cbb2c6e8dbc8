using Microsoft.AspNetCore.Hosting.Server;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Sms;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// The lines printed once the server listens, so the first hour explains itself: where the web UI is (the addresses
/// actually bound), the exact command that creates the first token, and where SMS go.
/// </summary>
public static partial class FirstSteps
{
    /// <summary>The project path the README's <c>dotnet run</c> names, relative to the repository root.</summary>
    public const string ProjectPath = "src/StandbyOps.Server";

    /// <summary>Prints the block when <paramref name="app"/> has started listening.</summary>
    public static void LogWhenStarted(WebApplication app, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() => Log(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StandbyOps.Server.FirstSteps"),
            ListenAddresses.Of(app.Services.GetService<IServer>(), settings),
            TokenCommand(settings, Directory.GetCurrentDirectory()),
            app.Services.GetRequiredService<LiveConfig>().Current));
    }

    /// <summary>The command that creates an admin token for this server's store, as typed in the working directory.</summary>
    public static string TokenCommand(ServerSettings settings, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = new List<string> { "token", "create", "--role", "admin", "--name", "me" };
        if (settings.DataDirectory != ServerSettings.DefaultDataDirectory)
        {
            arguments.AddRange(["--data-dir", settings.DataDirectory]);
        }

        if (settings.ConfigPath != ServerSettings.DefaultConfigPath)
        {
            arguments.AddRange(["--config", settings.ConfigPath]);
        }

        return $"{Executable(workingDirectory)} {string.Join(' ', arguments.Select(Quote))}";
    }

    /// <summary>
    /// How this executable is started from <paramref name="workingDirectory"/>: the README's <c>dotnet run</c> in the
    /// repository root, <c>dotnet StandbyOps.Server.dll</c> for a published build, or the app host itself.
    /// </summary>
    private static string Executable(string workingDirectory)
    {
        if (File.Exists(Path.Combine(workingDirectory, ProjectPath, "StandbyOps.Server.csproj")))
        {
            return $"dotnet run --project {ProjectPath} --";
        }

        var assembly = Path.Combine(AppContext.BaseDirectory, "StandbyOps.Server.dll");
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"dotnet {Quote(Relative(workingDirectory, assembly))}"
            : Quote(Relative(workingDirectory, process));
    }

    private static string Relative(string workingDirectory, string path)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@+,".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Log(ILogger logger, IReadOnlyList<Uri> addresses, string tokenCommand, StandbyOpsConfig config)
    {
        LogWebUi(logger, string.Join(", ", addresses.Select(a => a.AbsoluteUri)));
        LogFirstToken(logger, tokenCommand);
        if (config.Sms.Provider == SmsProvider.Log)
        {
            LogSmsToLog(logger);
        }
        else
        {
            LogSmsToTwilio(logger, new Uri(config.Server.PublicUrl, "api/v1/twilio/sms").AbsoluteUri);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next steps 1/3: the web UI is at {Addresses} (sign in with a token's secret; the API is under /api/v1, described at /openapi/v1.json)")]
    private static partial void LogWebUi(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next steps 2/3: create the first token in another terminal: {Command} (it prints the secret once)")]
    private static partial void LogFirstToken(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next steps 3/3: SMS provider 'log': no SMS leaves this machine; each page is written to this log (lines 'SMS LOG000001 to ...') and kept at GET /api/v1/sms/outbox. Try a reply such as 1A with the 'Simulate reply' button on the incident's page or POST /api/v1/sms/outbox/<id>/reply (desk or admin token)")]
    private static partial void LogSmsToLog(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next steps 3/3: SMS go out through Twilio; engineers' replies arrive at {ReplyUrl} (set it as the number's messaging webhook)")]
    private static partial void LogSmsToTwilio(ILogger logger, string replyUrl);
}
