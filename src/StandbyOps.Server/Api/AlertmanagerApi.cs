using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StandbyOps.Monitoring.Alertmanager;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Problems;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>POST /api/v1/alertmanager</c>: the Alertmanager webhook receiver (payload version 4) for pusher tokens (routing
/// within their customer) and admin tokens (routing across customers). 200 only once the desk has recorded every
/// alert; 400 with the reasons and nothing recorded for a malformed notification (Alertmanager does not retry 4xx);
/// 503 when the desk could not record them (Alertmanager retries 5xx).
/// </summary>
public static partial class AlertmanagerApi
{
    /// <summary>The largest notification accepted.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Maps the route.</summary>
    public static void MapAlertmanagerApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/alertmanager", ReceiveAsync)
            .RequireRoles(TokenRole.Pusher, TokenRole.Admin)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithTags("Alertmanager");
    }

    private static async Task<Results<Ok<AlertmanagerReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        AlertmanagerWebhook? webhook, ClaimsPrincipal user, AlertmanagerReceiver receiver, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = AlertmanagerWebhookValidator.Validate(webhook);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The Alertmanager notification is invalid", detail: string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        // A pusher token routes within its customer; an admin token (no customer claim) across all of them.
        var scope = user.IsInRole(TokenRole.Admin.ToName()) ? null : user.FindFirstValue(TokenAuthenticationHandler.CustomerClaim);
        if (scope is null && !user.IsInRole(TokenRole.Admin.ToName()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This pusher token names no customer.");
        }

        try
        {
            return TypedResults.Ok(await receiver.ReceiveAsync(webhook!, scope, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException && !StoreFullExceptionHandler.IsStoreFull(e))
        {
            LogDeskFailed(loggers.CreateLogger(typeof(AlertmanagerApi).FullName!), e);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Alerts not recorded",
                detail: "The incident desk could not record the alerts; Alertmanager retries the notification.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An Alertmanager notification could not be recorded; answered 503 so Alertmanager retries")]
    private static partial void LogDeskFailed(ILogger logger, Exception exception);
}
