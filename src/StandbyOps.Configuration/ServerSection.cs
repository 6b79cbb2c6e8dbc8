using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration;

/// <summary>Reads <c>server:</c>.</summary>
internal static class ServerSection
{
    private static readonly string[] Keys = ["publicUrl", "storeMaxSize"];

    /// <summary>The server settings, and whether the file sets <c>publicUrl</c> itself.</summary>
    public static (ServerConfig Server, bool PublicUrlSet) Read(MappingReader top)
    {
        if (top.Mapping("server", "server", Keys) is not { } server)
        {
            return (new ServerConfig(ServerConfig.DefaultPublicUrl), false);
        }

        var publicUrl = server.Parse("publicUrl", ParsePublicUrl, ServerConfig.DefaultPublicUrl);
        var storeMaxSize = server.ParseOptional("storeMaxSize", ByteSizes.Parse);
        return (new ServerConfig(publicUrl, storeMaxSize), server.Has("publicUrl"));
    }

    /// <summary>An http(s) base URL without query or fragment; its path is made to end with '/' so relative paths combine under it.</summary>
    public static Parsed<Uri> ParsePublicUrl(string text)
    {
        var parsed = Names.ParseHttpUrl(text);
        if (!parsed.Ok)
        {
            return Parsed.Failure<Uri>(parsed.Problem, "write the URL Twilio and browsers reach the server at, e.g. https://standbyops.example.net");
        }

        var uri = parsed.Value;
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return Parsed.Failure<Uri>("a base URL has no query or fragment", "remove everything from '?' or '#'");
        }

        var basePath = uri.GetLeftPart(UriPartial.Path);
        return Parsed.Success(new Uri(basePath.EndsWith('/') ? basePath : basePath + "/"));
    }
}
