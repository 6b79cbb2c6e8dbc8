using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Twilio;
using StandbyOps.Paging.Voice;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Answers Twilio during a paging call: the call's TwiML (its stored script in a one-digit gather), and the keypress.
/// <c>1</c> acknowledges every incident the call was about through <see cref="PagedEngineerActions"/>, the very
/// operation an SMS <c>1A</c> reply runs; any other key reads the script again.
/// </summary>
public sealed class VoiceCallHandler(PagingStore store, PagedEngineerActions actions, Func<StandbyOpsConfig> config)
{
    /// <summary>Said when the call names no paging call that is known.</summary>
    public const string Unknown = "This call is no longer active. Goodbye.";

    /// <summary>The TwiML of call <paramref name="pageId"/>.</summary>
    public async Task<string> TwimlAsync(string pageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        return await CallAsync(pageId, cancellationToken).ConfigureAwait(false) is { } call
            ? VoiceTwiml.Prompt(call.Body, GatherUrl(call.Id))
            : VoiceTwiml.SayAndHangUp(Unknown);
    }

    /// <summary>Acts on <paramref name="digits"/> pressed during call <paramref name="pageId"/>; the TwiML to answer.</summary>
    public async Task<string> GatherAsync(string pageId, string? digits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        if (await CallAsync(pageId, cancellationToken).ConfigureAwait(false) is not { } call)
        {
            return VoiceTwiml.SayAndHangUp(Unknown);
        }

        if (digits?.Trim() != "1")
        {
            return VoiceTwiml.Prompt(call.Body, GatherUrl(call.Id));
        }

        var who = Actor.OfEngineer(call.Engineer);
        var answers = new List<string>();
        foreach (var caseNumber in await store.CasesOfPageAsync(call.Id, cancellationToken).ConfigureAwait(false))
        {
            answers.Add(await actions.ActAsync(caseNumber, call.Phone, who, resolve: false, Via.Voice, cancellationToken).ConfigureAwait(false));
        }

        return VoiceTwiml.SayAndHangUp(string.Join(" ", answers) + " Goodbye.");
    }

    private async Task<PageRow?> CallAsync(string pageId, CancellationToken cancellationToken) =>
        await store.PageAsync(pageId, cancellationToken).ConfigureAwait(false) is { Channel: PageChannel.Voice } call ? call : null;

    private Uri GatherUrl(string pageId) => new(PageSender.WebhookUrl(config(), TwilioRoutes.VoiceGather, pageId));
}
