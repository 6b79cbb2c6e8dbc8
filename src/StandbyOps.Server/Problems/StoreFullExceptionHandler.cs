using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StandbyOps.Storage.Database;

namespace StandbyOps.Server.Problems;

/// <summary>
/// A write refused for lack of space is the server's condition, not the caller's mistake and not an unknown
/// failure: a 503 problem that says the store is full, with Retry-After, so clients retry once space returns.
/// </summary>
public sealed partial class StoreFullExceptionHandler(IProblemDetailsService problems, ILogger<StoreFullExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>True when <paramref name="exception"/> or one it wraps is a <see cref="StoreFullException"/>.</summary>
    public static bool IsStoreFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StoreFullException || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStoreFull)))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsStoreFull(exception))
        {
            return false;
        }

        LogStoreFull(httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Store full",
                Detail = "The server's store has no space left, so nothing was written. Retry later: writes resume by themselves once disk space is freed (or server.storeMaxSize is raised).",
                Instance = httpContext.Request.Path,
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store is full: {Method} {Path} was refused with 503 and nothing was written; free disk space (or raise server.storeMaxSize)")]
    private partial void LogStoreFull(string method, string path);
}
