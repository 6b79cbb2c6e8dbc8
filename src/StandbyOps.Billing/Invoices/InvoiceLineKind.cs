namespace StandbyOps.Billing.Invoices;

/// <summary>Whether an invoice line bills a standby window or a callout; standby sorts first at equal start.</summary>
public enum InvoiceLineKind
{
    /// <summary>One category window of agreed standby.</summary>
    Standby,

    /// <summary>One callout, on top of standby.</summary>
    Callout,
}
