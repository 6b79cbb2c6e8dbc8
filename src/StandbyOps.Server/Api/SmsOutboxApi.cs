using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Paging.Sms;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>GET /api/v1/sms/outbox</c> [admin]: what the <c>log</c> SMS provider "sent", oldest first.</summary>
public static class SmsOutboxApi
{
    /// <summary>One outbox message as the API shows it.</summary>
    public sealed record OutboxMessageResponse(long Sequence, string ProviderId, string To, string Body, string? StatusCallbackUrl, Instant SentAt);

    /// <summary>Maps the route.</summary>
    public static void MapSmsOutboxApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/sms/outbox", ListAsync).WithTags("SMS").RequireRoles(TokenRole.Admin);
    }

    private static async Task<Ok<List<OutboxMessageResponse>>> ListAsync(ISmsOutbox outbox, CancellationToken cancellationToken)
    {
        var messages = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(messages.Select(m => new OutboxMessageResponse(m.Sequence, m.ProviderId, m.To, m.Body, m.StatusCallbackUrl, m.SentAt)).ToList());
    }
}
