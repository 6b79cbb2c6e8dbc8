using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// A listen address that another process holds: recognised in Kestrel's start failure, told in one line that says
/// which address, that it is in use and how to pick another (no stack trace).
/// </summary>
public static partial class AddressInUse
{
    /// <summary>The exit code of a server that could not listen.</summary>
    public const int ExitCode = 3;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is Kestrel's "address already in use".</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one line to print for <paramref name="exception"/>; <paramref name="urls"/> (the <c>--urls</c> value) when Kestrel's message names no address.</summary>
    public static string Describe(Exception exception, string urls)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var address = BindMessage().Match(exception.Message) is { Success: true } match ? match.Groups["address"].Value : urls;
        return $"Cannot listen on {address}: the address is already in use (another StandbyOps or another program). Choose another with --urls, e.g. --urls {Suggestion(address)}";
    }

    /// <summary>The same address on the next port, e.g. <c>http://127.0.0.1:8081</c> for <c>http://127.0.0.1:8080</c>.</summary>
    private static string Suggestion(string address) =>
        ListenUrl().Match(address) is { Success: true } url && int.TryParse(url.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture, out var port) && port < 65535
            ? $"{url.Groups["scheme"].Value}://{url.Groups["host"].Value}:{port + 1}"
            : "http://127.0.0.1:8081";

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^:/]+):(?<port>[0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListenUrl();

    // Kestrel: "Failed to bind to address http://127.0.0.1:8080: address already in use."
    [GeneratedRegex(@"address (?<address>\S+?): address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindMessage();
}
