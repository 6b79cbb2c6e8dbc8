namespace StandbyOps.Billing.Rates;

/// <summary>A contract's prices: currency, standard hourly rate, VAT and the four categories (precedence Holiday &gt; Weekend &gt; Night &gt; Office).</summary>
/// <remarks>
/// Weekend daytime beats night where the ranges overlap, but it may only overlap the start or the end of a
/// night: a weekend range strictly inside a night would cut that night in two and is rejected
/// (<see cref="WeekendHours.SplitProblem"/>, the rule <c>check-config</c> applies too).
/// </remarks>
public sealed record RateCard
{
    /// <summary>Creates a rate card and checks that its ranges fit together.</summary>
    public RateCard(
        string currency,
        decimal hourlyRate,
        decimal vatPercent,
        CategoryRate holiday,
        WeekendRate weekend,
        NightRate night,
        CategoryRate callout)
    {
        Currency = Preconditions.NotBlank(currency, nameof(currency));
        Preconditions.Require(
            Currency.Length == 3 && Currency.All(char.IsAsciiLetterUpper),
            nameof(currency),
            $"Currency '{currency}' must be an ISO 4217 code such as EUR.");
        HourlyRate = Preconditions.NonNegative(hourlyRate, nameof(hourlyRate));
        VatPercent = Preconditions.NonNegative(vatPercent, nameof(vatPercent));
        Preconditions.Require(VatPercent <= 100m, nameof(vatPercent), $"VAT of {vatPercent}% is not a percentage.");
        Holiday = Preconditions.NotNull(holiday, nameof(holiday));
        Weekend = Preconditions.NotNull(weekend, nameof(weekend));
        Night = Preconditions.NotNull(night, nameof(night));
        Callout = Preconditions.NotNull(callout, nameof(callout));
        weekend.Hours.RequireFits(night.Hours);
    }

    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; }

    /// <summary>The standard hourly rate every percentage applies to.</summary>
    public decimal HourlyRate { get; }

    /// <summary>VAT on the invoice subtotal, e.g. 21.</summary>
    public decimal VatPercent { get; }

    /// <summary>Whole holiday dates.</summary>
    public CategoryRate Holiday { get; }

    /// <summary>Weekend daytime.</summary>
    public WeekendRate Weekend { get; }

    /// <summary>Evenings and nights.</summary>
    public NightRate Night { get; }

    /// <summary>Callouts, billed on top of standby.</summary>
    public CategoryRate Callout { get; }

    /// <summary>The price of <paramref name="category"/>.</summary>
    public CategoryRate RateOf(BillingCategory category) => category switch
    {
        BillingCategory.Holiday => Holiday,
        BillingCategory.Weekend => Weekend.Rate,
        BillingCategory.Night => Night.Rate,
        BillingCategory.Callout => Callout,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown billing category."),
    };
}
