using System.CommandLine;

namespace StandbyOps.Server.Cli;

/// <summary>
/// <c>healthcheck [--url http://127.0.0.1:8080/readyz]</c>: asks a running server whether it is ready, for container
/// health checks (the runtime image has no curl). 0 when it answers 2xx, 1 otherwise, with one line saying why.
/// </summary>
public static class HealthcheckCommand
{
    /// <summary>The probe the compose file and the Dockerfile use.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080/readyz";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Builds the <c>healthcheck</c> command.</summary>
    public static Command Build()
    {
        var url = new Option<string>("--url") { Description = "The health endpoint to ask.", DefaultValueFactory = _ => DefaultUrl };
        var command = new Command("healthcheck", "Ask a running server's /readyz (or --url): exit 0 when ready, 1 otherwise.") { url };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(url)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Probes <paramref name="url"/> once.</summary>
    public static async Task<int> RunAsync(string url, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await error.WriteLineAsync($"healthcheck: '{url}' is not an absolute http(s) URL");
            return 1;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync($"healthcheck: {uri} answered {(int)response.StatusCode}");
                return 0;
            }

            await error.WriteLineAsync($"healthcheck: {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"healthcheck: {uri} did not answer: {e.Message}");
            return 1;
        }
    }
}
