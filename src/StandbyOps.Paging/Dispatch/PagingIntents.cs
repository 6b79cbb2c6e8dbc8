using System.Globalization;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Intent kinds and payloads of paging: an escalation step due, a phone's pending pages or calls due, and an all-clear SMS.</summary>
public static class PagingIntents
{
    /// <summary>Payload <c>escalationId|stepIndex</c>.</summary>
    public const string Step = "paging.step";

    /// <summary>Payload: the E.164 phone.</summary>
    public const string Send = "paging.send";

    /// <summary>Payload: the E.164 phone whose waiting voice items are due to be called.</summary>
    public const string Call = "paging.call";

    /// <summary>Payload: the all-clear's id (<see cref="AllClearSender"/>).</summary>
    public const string AllClear = "paging.allclear";

    /// <summary>The payload of a step intent.</summary>
    public static string StepPayload(string escalationId, int index) => escalationId + "|" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a step payload.</summary>
    public static (string EscalationId, int Index) ParseStep(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var bar = payload.LastIndexOf('|');
        return bar > 0 && int.TryParse(payload.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (payload[..bar], index)
            : throw new FormatException($"Invalid paging step payload '{payload}'.");
    }
}
