using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using StandbyOps.Monitoring.Push;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// The Pushgateway push API: <c>PUT|POST|DELETE /metrics/job/&lt;JOB&gt;{/&lt;LABEL&gt;/&lt;VALUE&gt;}</c> (and <c>job@base64</c>)
/// for pusher tokens, whose customer the groups belong to. Status codes as the Pushgateway's (200 push, 202 delete,
/// 400 with the reason), except that errors are problem details with the reason in <c>detail</c>, bodies over
/// <see cref="MaxBodyBytes"/> get 413, and protobuf or unknown content encodings get 415.
/// </summary>
public static partial class PushApi
{
    /// <summary>The largest body accepted, before and after gzip decompression.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The content type of the Pushgateway's protobuf format, which is not supported.</summary>
    public const string ProtobufMediaType = "application/vnd.google.protobuf";

    private const string Prefix = "/metrics/";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Maps the routes.</summary>
    public static void MapPushApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/metrics").WithTags("Push").RequireRoles(TokenRole.Pusher);
        foreach (var job in (string[])["job", "job@base64"])
        {
            group.MapMethods($"/{job}/{{**labels}}", [HttpMethods.Put, HttpMethods.Post], PushAsync);
            group.MapDelete($"/{job}/{{**labels}}", DeleteAsync);
        }
    }

    private static async Task<Results<Ok, ProblemHttpResult>> PushAsync(HttpContext context, ClaimsPrincipal user, PushIngest ingest, CancellationToken cancellationToken)
    {
        if (Customer(user) is not { } customer)
        {
            return NoCustomer();
        }

        try
        {
            var key = GroupingKeyParser.Parse(PathAfterMetrics(context));
            if (IsProtobuf(context.Request.ContentType))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: "Only the text exposition format 0.0.4 is supported, not the protobuf delimited format: configure the client to push text "
                        + "(Go: push.New(url, job).Format(expfmt.NewFormat(expfmt.TypeTextPlain))).");
            }

            var body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            if (body.Problem is { } problem)
            {
                return problem;
            }

            var method = HttpMethods.IsPost(context.Request.Method) ? PushMethod.Merge : PushMethod.Replace;
            await ingest.PushAsync(customer, key, method, body.Text!, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok();
        }
        catch (PushRejectedException e)
        {
            return Rejected(e.Message);
        }
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> DeleteAsync(HttpContext context, ClaimsPrincipal user, PushIngest ingest, CancellationToken cancellationToken)
    {
        if (Customer(user) is not { } customer)
        {
            return NoCustomer();
        }

        try
        {
            await ingest.DeleteAsync(customer, GroupingKeyParser.Parse(PathAfterMetrics(context)), cancellationToken).ConfigureAwait(false);
            return TypedResults.Accepted((string?)null);
        }
        catch (PushRejectedException e)
        {
            return Rejected(e.Message);
        }
    }

    /// <summary>The percent-decoded path after <c>/metrics/</c>, decoding <c>%2F</c> too, as Go's router sees it; invalid UTF-8 is refused.</summary>
    /// <exception cref="PushRejectedException">The decoded path is not valid UTF-8.</exception>
    private static string PathAfterMetrics(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var path = raw is { Length: > 0 } && raw[0] == '/' ? raw : context.Request.Path.Value ?? string.Empty;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        var start = path.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        return GroupingKeyParser.PercentDecode(start < 0 ? string.Empty : path[(start + Prefix.Length)..]);
    }

    private static bool IsProtobuf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(ProtobufMediaType, StringComparison.OrdinalIgnoreCase);

    private static async Task<(string? Text, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content encoding",
                detail: $"Content-Encoding '{encoding}' is not supported: send the body uncompressed or gzip-compressed."));
        }

        var raw = await ReadLimitedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (raw is null)
        {
            return (null, TooLarge());
        }

        if (gzip)
        {
            try
            {
                var compressed = new MemoryStream(raw);
                await using var unzip = new GZipStream(compressed, CompressionMode.Decompress);
                raw = await ReadLimitedAsync(unzip, cancellationToken).ConfigureAwait(false);
                if (raw is null)
                {
                    return (null, TooLarge());
                }
            }
            catch (InvalidDataException e)
            {
                return (null, Rejected($"the body cannot be gzip-decompressed: {e.Message}"));
            }
        }

        try
        {
            return (StrictUtf8.GetString(raw), null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, Rejected($"the body is not valid UTF-8 (byte {e.Index})"));
        }
    }

    /// <summary>The whole stream, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? Customer(ClaimsPrincipal user) => user.FindFirstValue(TokenAuthenticationHandler.CustomerClaim);

    private static ProblemHttpResult Rejected(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Push rejected", detail: reason);

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Body too large",
            detail: $"A push body may be at most {MaxBodyBytes / (1024 * 1024)} MiB (after gzip decompression): split the group or push less.");

    private static ProblemHttpResult NoCustomer() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This pusher token names no customer; create a pusher token with --customer.");
}
