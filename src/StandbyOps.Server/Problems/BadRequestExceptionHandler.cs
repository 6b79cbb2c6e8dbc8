using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace StandbyOps.Server.Problems;

/// <summary>
/// Turns malformed requests (unreadable JSON, a wrong content type, a missing body) into a 400/415
/// problem that says what was wrong and where — the JSON path and line — instead of an empty 400.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        var detail = bad.InnerException is JsonException json
            ? $"{bad.Message} {Describe(json)}"
            : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Malformed request",
                Detail = detail,
                Instance = httpContext.Request.Path,
            },
        }).ConfigureAwait(false);
    }

    /// <summary>The reader's message with where it stopped; a duplicate key's message lacks the position, so it is added from the exception.</summary>
    private static string Describe(JsonException json) =>
        json.Path is null || json.Message.Contains("Path:", StringComparison.Ordinal)
            ? json.Message
            : $"{json.Message} Path: {json.Path} | LineNumber: {json.LineNumber} | BytePositionInLine: {json.BytePositionInLine}.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
