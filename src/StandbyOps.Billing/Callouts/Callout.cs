using NodaTime;

namespace StandbyOps.Billing.Callouts;

/// <summary>Work an engineer did after acknowledging a page during agreed standby, from acknowledgement to end.</summary>
public sealed record Callout
{
    /// <summary>Creates a callout; it must end after it starts.</summary>
    public Callout(string engineer, string? caseNumber, Instant start, Instant end)
    {
        Engineer = Preconditions.NotBlank(engineer, nameof(engineer));
        CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber;
        (Start, End) = Preconditions.Period(start, end, $"The callout of {engineer}");
    }

    /// <summary>The engineer who worked (id or name as the invoice should show it).</summary>
    public string Engineer { get; }

    /// <summary>The incident's case number, when the callout belongs to one.</summary>
    public string? CaseNumber { get; }

    /// <summary>Acknowledgement (inclusive).</summary>
    public Instant Start { get; }

    /// <summary>End of work (exclusive).</summary>
    public Instant End { get; }
}
