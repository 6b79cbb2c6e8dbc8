namespace StandbyOps.Billing.Invoices;

/// <summary>Why an invoice could not be drafted, with a stable code the API maps onto a problem response.</summary>
public sealed record BillingProblem(string Code, string Detail)
{
    /// <summary>Code of a callout that does not start inside agreed standby.</summary>
    public const string CalloutOutsideStandbyCode = "callout-outside-standby";
}
