using NodaTime;
using StandbyOps.Desk.Mail;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>GET /api/v1/mail/outbox</c> [admin]: the mails sent or still due (the durable outbox), newest first.</summary>
public static class MailOutboxApi
{
    /// <summary>How many mails one answer lists at most.</summary>
    public const int Limit = 500;

    /// <summary>One mail; <see cref="SentAt"/> is null while due, <see cref="LastError"/> tells why the last try failed.</summary>
    public sealed record OutboxMailResponse(
        string Id, IReadOnlyList<string> To, string Subject, string Text, string Html, string? CaseNumber, string Notice, Instant CreatedAt, Instant DueAt, Instant? SentAt, int Attempts, string? LastError);

    /// <summary>Maps the route.</summary>
    public static void MapMailOutboxApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/mail/outbox", async (MailOutbox outbox, CancellationToken cancellationToken) =>
            TypedResults.Ok((await outbox.ListAsync(Limit, cancellationToken).ConfigureAwait(false)).Select(e => new OutboxMailResponse(
                e.Id, e.Mail.To, e.Mail.Subject, e.Mail.Text, e.Mail.Html, e.Mail.CaseNumber, e.Mail.Notice, e.CreatedAt, e.DueAt, e.SentAt, e.Attempts, e.LastError)).ToArray()))
            .RequireRoles(TokenRole.Admin).WithTags("Desk");
}
