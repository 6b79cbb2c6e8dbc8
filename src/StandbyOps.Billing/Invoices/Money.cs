namespace StandbyOps.Billing.Invoices;

/// <summary>The rounding rules: each line to cents half away from zero, VAT once on the subtotal.</summary>
internal static class Money
{
    /// <summary><c>round(billedHours × hourlyRate × percent / 100)</c>, computed from exact minutes so no 1/60 is rounded early.</summary>
    public static decimal LineAmount(long billedMinutes, decimal hourlyRate, decimal percent) =>
        Cents(billedMinutes * hourlyRate * percent / 6000m);

    public static decimal Vat(decimal subtotal, decimal vatPercent) => Cents(subtotal * vatPercent / 100m);

    /// <summary>Rounds to cents and gives the value a scale of exactly two, so 200 prints as 200.00.</summary>
    public static decimal Cents(decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);

        // Adding 0.00m raises the scale to two; zero is rebuilt so a negated zero has no sign.
        return rounded == 0m ? 0.00m : rounded + 0.00m;
    }
}
