using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Incidents.Pages;
using StandbyOps.Server.Paging;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Web;

/// <summary>
/// The incident page's "Simulate reply" button (<c>log</c> SMS provider only): plays the paged engineer's SMS reply,
/// e.g. <c>1A</c>, through <see cref="SmsReplySimulator"/> as <c>POST /api/v1/sms/outbox/{id}/reply</c> does, then
/// shows the incident again (post/redirect/get).
/// </summary>
public static class SmsReplyPages
{
    /// <summary>Who may simulate a reply, as the API route: admin and desk.</summary>
    public static readonly IReadOnlyList<TokenRole> Repliers = [TokenRole.Admin, TokenRole.Desk];

    /// <summary>Maps the route.</summary>
    public static void MapSmsReplyPages(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/incidents/{caseNumber}/sms-reply", ReplyAsync).RequireWebRoles(Repliers).RequireFormToken().ExcludeFromDescription();
    }

    /// <summary>
    /// For each page of <paramref name="pages"/> still in the outbox, the reply its text suggests (<c>1A</c>), keyed
    /// by provider id; empty unless <paramref name="context"/>'s user may simulate and the provider is <c>log</c>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SuggestionsAsync(
        IReadOnlyList<IncidentPage> pages, HttpContext context, SmsReplySimulator simulator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(simulator);
        var suggestions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!simulator.IsAvailable || !context.User.HasAny(Repliers))
        {
            return suggestions;
        }

        foreach (var id in pages.Select(p => p.ProviderId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await simulator.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } message)
            {
                suggestions[id] = SmsReplySimulator.SuggestedReply(message.Body);
            }
        }

        return suggestions;
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> ReplyAsync(
        string caseNumber, HttpContext context, SmsReplySimulator simulator, WebPage page, CancellationToken cancellationToken)
    {
        if (!simulator.IsAvailable)
        {
            return page.Error(context, StatusCodes.Status409Conflict, "Replies are not simulated here",
                "SMS replies are simulated only with the log provider; with Twilio they come from the engineers' phones.");
        }

        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var id = form["message"].ToString();
        var body = form["body"].ToString().Trim();
        if (body.Length is 0 or > SmsReplySimulator.MaxBodyLength)
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "The reply is invalid",
                $"Type the reply to send, 1 to {SmsReplySimulator.MaxBodyLength} characters, e.g. 1A to acknowledge.");
        }

        if (await simulator.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "SMS not found", $"There is no SMS '{id}' in the outbox.");
        }

        await simulator.ReplyAsync(message, body, cancellationToken).ConfigureAwait(false);
        return TypedResults.LocalRedirect(IncidentPages.PathOf(caseNumber));
    }
}
