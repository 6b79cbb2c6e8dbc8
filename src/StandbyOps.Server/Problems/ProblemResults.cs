using Microsoft.AspNetCore.Mvc;

namespace StandbyOps.Server.Problems;

/// <summary>Writes RFC 9457 problem details outside endpoint code (authentication, middleware).</summary>
public static class ProblemResults
{
    /// <summary>Writes a problem response with <paramref name="status"/> through the registered problem-details service.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
        }).ConfigureAwait(false);
    }
}
