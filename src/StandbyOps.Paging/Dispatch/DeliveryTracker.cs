using NodaTime;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Takes delivery reports from the provider: a delivered page is noted, a failed one moves its escalations to their next
/// step at once. A call's end is noted; one that failed escalates at once like a text, while busy, no answer or a
/// call ended without a keypress is "not acknowledged" and the policy continues at its own pace.
/// </summary>
public sealed class DeliveryTracker(PagingStore store, IClock clock, PagingNotes notes, PagingOptions options, PagingMetrics metrics)
{
    /// <summary>Applies a delivery status; false when the page is unknown or the status changes nothing.</summary>
    /// <remarks>
    /// The page is found by the provider's message id or, when the callback beat the send's answer and the id is not
    /// stored yet, by <paramref name="pageId"/> from the callback URL (which then also stores the provider id).
    /// </remarks>
    public async Task<bool> UpdateStatusAsync(string providerId, string reported, string? errorCode, string? pageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        ArgumentNullException.ThrowIfNull(reported);
        var change = await store.AdvanceStatusAsync(providerId, pageId, reported, errorCode, cancellationToken).ConfigureAwait(false);
        if (change is null)
        {
            return false;
        }

        if (change.Channel == PageChannel.Voice && DeliveryStatus.IsFinal(change.Status) && !DeliveryStatus.IsFailure(change.Status))
        {
            var how = DeliveryStatus.IsUnanswered(change.Status) ? "not acknowledged; the escalation continues" : "ended";
            await notes.NotePageAsync(change.Id, "call-ended", $"Call to {change.Engineer} ({providerId}) {change.Status}: {how}", cancellationToken).ConfigureAwait(false);
        }
        else if (change.Status == DeliveryStatus.Delivered)
        {
            await notes.NotePageAsync(change.Id, "page-delivered", $"Page to {change.Engineer} ({providerId}) delivered", cancellationToken).ConfigureAwait(false);
        }
        else if (DeliveryStatus.IsFailure(change.Status))
        {
            metrics.Failed(PagingMetrics.Undelivered);
            await notes.NotePageAsync(change.Id, "page-failed", $"{(change.Channel == PageChannel.Voice ? "Call" : "Page")} to {change.Engineer} ({providerId}) {change.Status}{(errorCode is null ? "" : " (error " + errorCode + ")")}", cancellationToken).ConfigureAwait(false);
            await store.EscalateNowAsync(change.Id, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            options.Wake();
        }

        return true;
    }
}
