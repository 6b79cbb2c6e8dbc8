using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// The addresses the server listens on, as a client on this machine reaches them: a wildcard host (<c>0.0.0.0</c>,
/// <c>[::]</c>, <c>*</c>, <c>+</c>) becomes the loopback address. Used for the start-up hints and for checks that
/// probe the server itself (a check URL that is only a path, such as the demo's <c>/healthz</c>).
/// </summary>
public static class ListenAddresses
{
    /// <summary>The addresses Kestrel bound (after start), or else the <c>--urls</c> value, each as a local client reaches it.</summary>
    public static IReadOnlyList<Uri> Of(IServer? server, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bound = server?.Features.Get<IServerAddressesFeature>()?.Addresses.Select(Local).OfType<Uri>().Where(u => u.Port != 0).ToList() ?? [];
        return bound.Count > 0 ? bound : [.. settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Local).OfType<Uri>()];
    }

    /// <summary>The first of <see cref="Of"/>, preferring plain http (a self-check needs no certificate); the default address when none parses.</summary>
    public static Uri Self(IServer? server, ServerSettings settings)
    {
        var all = Of(server, settings);
        return all.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp) ?? all.FirstOrDefault() ?? new Uri(ServerSettings.DefaultUrls + "/");
    }

    /// <summary><paramref name="listenUrl"/> with a wildcard host replaced by the loopback address; null when it is not a URL.</summary>
    public static Uri? Local(string listenUrl)
    {
        ArgumentNullException.ThrowIfNull(listenUrl);
        var text = listenUrl.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => null,
        };
        return host is null ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") : new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}
