namespace StandbyOps.Paging.Dispatch;

/// <summary>The delivery states of a page (a text or a call) and the rule that they only move forwards.</summary>
/// <remarks>
/// Twilio's callbacks can arrive out of order (a late <c>sent</c> after <c>delivered</c>), so a status is
/// only taken when it ranks above the stored one. <c>delivered</c>, <c>undelivered</c> and <c>failed</c> are final;
/// a call goes <c>queued</c> → <c>initiated</c> → <c>ringing</c> → <c>in-progress</c> and ends <c>completed</c>,
/// <c>busy</c>, <c>no-answer</c>, <c>canceled</c> or <c>failed</c>.
/// </remarks>
public static class DeliveryStatus
{
    /// <summary>Claimed for sending; the provider has not answered yet.</summary>
    public const string Pending = "pending";

    /// <summary>The provider reports the message failed; final.</summary>
    public const string Failed = "failed";

    /// <summary>The carrier could not deliver; final.</summary>
    public const string Undelivered = "undelivered";

    /// <summary>The handset received it; final.</summary>
    public const string Delivered = "delivered";

    /// <summary>A call that rang out or was refused: not acknowledged, and the policy continues at its own pace.</summary>
    public static bool IsUnanswered(string status) => status is "busy" or "no-answer" or "canceled";

    /// <summary>True when <paramref name="status"/> is final (nothing moves it).</summary>
    public static bool IsFinal(string status) => Rank(status) == FinalRank;

    /// <summary>True when <paramref name="status"/> means the page did not reach the engineer.</summary>
    public static bool IsFailure(string status) => status is Failed or Undelivered;

    /// <summary>The status to store when <paramref name="reported"/> arrives while <paramref name="current"/> is stored.</summary>
    public static string Advance(string current, string reported)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(reported);
        var next = reported.Trim().ToLowerInvariant();
        return Rank(next) > Rank(current) ? next : current;
    }

    private const int FinalRank = 6;

    private static int Rank(string status) => status switch
    {
        Pending => 0,
        "accepted" => 1,
        "scheduled" => 1,
        "queued" => 2,
        "sending" or "initiated" => 3,
        "sent" or "ringing" => 4,
        "in-progress" => 5,
        Delivered or Undelivered or Failed or "completed" or "busy" or "no-answer" or "canceled" => FinalRank,
        _ => -1,
    };
}
