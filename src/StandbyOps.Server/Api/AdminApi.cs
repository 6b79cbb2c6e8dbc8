using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Monitoring;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>POST /api/v1/admin/reload</c>: re-read standbyops.yaml (as SIGHUP does); an invalid file changes nothing.</summary>
public static class AdminApi
{
    /// <summary>The outcome of a reload.</summary>
    public sealed record ReloadResponse(bool Applied, string[] Warnings);

    /// <summary>Maps the route.</summary>
    public static void MapAdminApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/admin/reload", Results<Ok<ReloadResponse>, ProblemHttpResult> (MonitoringHost monitoring) =>
        {
            var result = monitoring.Reload("api");
            if (result.HasErrors)
            {
                return TypedResults.Problem(
                    title: "The configuration is invalid; the previous one stays in force",
                    detail: string.Join('\n', result.Errors.Select(e => e.ToString())),
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            return TypedResults.Ok(new ReloadResponse(true, result.Warnings.Select(w => w.ToString()).ToArray()));
        }).RequireRoles(TokenRole.Admin).WithTags("Admin");
    }
}
