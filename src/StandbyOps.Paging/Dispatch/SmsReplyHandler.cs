using Dapper;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Replies;
using StandbyOps.Paging.Sms;
using StandbyOps.Storage.Database;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Acts on an inbound SMS: acknowledge or resolve through <see cref="PagedEngineerActions"/> (the same operation as a
/// keypress in a paging call, the web and the API), for incidents this phone was paged about only; records carrier opt-out (<c>STOP</c>) and opt-in (<c>START</c>) of engineers' phones.
/// Returns the text to reply, or null for no reply (unknown numbers, opt-in/out).
/// </summary>
public sealed class SmsReplyHandler(IDatabase database, IClock clock, IncidentDesk desk, Func<StandbyOpsConfig> config)
{
    /// <summary>The reply to anything not understood.</summary>
    public const string Help = "Reply <code>A to acknowledge, <code>R to resolve, A for the latest page, ACK <case> or RES <case>.";

    private readonly PagedEngineerActions _actions = new(database, desk);

    /// <summary>Handles a reply from <paramref name="from"/>.</summary>
    public async Task<string?> HandleAsync(string from, string? body, CancellationToken cancellationToken = default)
    {
        if (!PhoneNumber.TryNormalize(from, out var phone) || EngineerOf(phone) is not { } engineer)
        {
            return null;
        }

        var who = Actor.OfEngineer(engineer);
        switch (ReplyParser.Parse(body))
        {
            case AcknowledgeByCode byCode:
                return await ActAsync(await CaseOfCodeAsync(phone, byCode.Code, cancellationToken).ConfigureAwait(false), phone, who, resolve: false, cancellationToken).ConfigureAwait(false);
            case ResolveByCode byCode:
                return await ActAsync(await CaseOfCodeAsync(phone, byCode.Code, cancellationToken).ConfigureAwait(false), phone, who, resolve: true, cancellationToken).ConfigureAwait(false);
            case AcknowledgeByCase byCase:
                return await ActAsync(byCase.CaseNumber, phone, who, resolve: false, cancellationToken).ConfigureAwait(false);
            case ResolveByCase byCase:
                return await ActAsync(byCase.CaseNumber, phone, who, resolve: true, cancellationToken).ConfigureAwait(false);
            case AcknowledgeLatest:
                var latest = await LatestCasesAsync(phone, cancellationToken).ConfigureAwait(false);
                if (latest.Count == 0)
                {
                    return "No page to acknowledge.";
                }

                var answers = new List<string>();
                foreach (var caseNumber in latest)
                {
                    answers.Add(await ActAsync(caseNumber, phone, who, resolve: false, cancellationToken).ConfigureAwait(false));
                }

                return string.Join(" ", answers);
            case OptOut optOut:
                // The carrier answers these itself and refuses further SMS to this phone (Twilio error 21610):
                // pages to it escalate at once instead of being tried, until the engineer texts START.
                await database.WriteAsync((c, t) => c.ExecuteAsync(
                    "INSERT INTO paging_optouts (phone, opted_out_at, keyword) VALUES (@phone, @at, @Keyword) ON CONFLICT (phone) DO UPDATE SET opted_out_at = excluded.opted_out_at, keyword = excluded.keyword",
                    new { phone, at = InstantTypeHandler.Format(clock.GetCurrentInstant()), optOut.Keyword }, t), cancellationToken).ConfigureAwait(false);
                return null;
            case OptIn:
                await database.WriteAsync((c, t) => c.ExecuteAsync("DELETE FROM paging_optouts WHERE phone = @phone", new { phone }, t), cancellationToken).ConfigureAwait(false);
                return null;
            default:
                return Help;
        }
    }

    private Task<string> ActAsync(string? caseNumber, string phone, Actor who, bool resolve, CancellationToken cancellationToken) =>
        _actions.ActAsync(caseNumber, phone, who, resolve, Via.Sms, cancellationToken);

    private Task<string?> CaseOfCodeAsync(string phone, int code, CancellationToken cancellationToken)
    {
        var validSince = InstantTypeHandler.Format(clock.GetCurrentInstant() - ShortCodes.Lifetime);
        return database.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT case_number FROM paging_codes WHERE phone = @phone AND code = @code AND released = 0 AND assigned_at > @validSince",
            new { phone, code, validSince }), cancellationToken);
    }

    private Task<List<string>> LatestCasesAsync(string phone, CancellationToken cancellationToken) =>
        database.ReadAsync(async c => (await c.QueryAsync<string>(
            """
            SELECT DISTINCT case_number FROM paging_items WHERE page_id = (
                SELECT id FROM paging_pages WHERE phone = @phone ORDER BY sent_at DESC, id DESC LIMIT 1)
            ORDER BY case_number
            """, new { phone }).ConfigureAwait(false)).ToList(), cancellationToken);

    private string? EngineerOf(string phone)
    {
        foreach (var team in config().Teams.Values)
        {
            foreach (var engineer in team.Engineers.Values)
            {
                if (PhoneNumber.TryNormalize(engineer.Phone, out var known) && known == phone)
                {
                    return engineer.Id;
                }
            }
        }

        return null;
    }
}
