using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Paging.Sms;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Paging;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>GET /api/v1/sms/outbox</c> [admin]: what the <c>log</c> SMS provider "sent", oldest first.
/// <c>POST /api/v1/sms/outbox/{id}/reply {body}</c> [admin, desk; <c>log</c> provider only]: the recipient's reply,
/// simulated through the same handling as a Twilio inbound SMS (<see cref="SmsReplySimulator"/>).
/// </summary>
public static class SmsOutboxApi
{
    /// <summary>One outbox message as the API shows it.</summary>
    public sealed record OutboxMessageResponse(long Sequence, string ProviderId, string To, string Body, string? StatusCallbackUrl, Instant SentAt);

    /// <summary>The simulated reply's text.</summary>
    public sealed record ReplyRequest(string? Body);

    /// <summary>What was replied to, from which phone, and what the server answered by SMS (null: no answer, e.g. for STOP).</summary>
    public sealed record ReplyResponse(string ProviderId, string From, string Body, string? Answer);

    /// <summary>Maps the routes.</summary>
    public static void MapSmsOutboxApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/sms/outbox", ListAsync).WithTags("SMS").RequireRoles(TokenRole.Admin);
        routes.MapPost("/api/v1/sms/outbox/{id}/reply", ReplyAsync).WithTags("SMS").RequireRoles(TokenRole.Admin, TokenRole.Desk);
    }

    private static async Task<Ok<List<OutboxMessageResponse>>> ListAsync(ISmsOutbox outbox, CancellationToken cancellationToken)
    {
        var messages = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(messages.Select(m => new OutboxMessageResponse(m.Sequence, m.ProviderId, m.To, m.Body, m.StatusCallbackUrl, m.SentAt)).ToList());
    }

    private static async Task<Results<Ok<ReplyResponse>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        string id, ReplyRequest? request, SmsReplySimulator simulator, CancellationToken cancellationToken)
    {
        if (!simulator.IsAvailable)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "SMS replies are simulated only with the log provider",
                detail: "sms.provider is not 'log': engineers' replies arrive from their phones through POST /api/v1/twilio/sms.");
        }

        var body = request?.Body?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > SmsReplySimulator.MaxBodyLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [$"The reply text is required, 1 to {SmsReplySimulator.MaxBodyLength} characters, e.g. \"1A\" to acknowledge."] },
                title: "The reply is invalid");
        }

        var message = await simulator.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Outbox message not found",
                detail: $"There is no SMS '{id}' in the outbox: name one by its providerId (LOG000001) or sequence from GET /api/v1/sms/outbox.");
        }

        var answer = await simulator.ReplyAsync(message, body, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ReplyResponse(message.ProviderId, message.To, body, answer));
    }
}
