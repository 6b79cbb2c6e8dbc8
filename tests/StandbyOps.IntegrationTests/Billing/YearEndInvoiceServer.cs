namespace StandbyOps.IntegrationTests.Billing;

/// <summary>
/// <see cref="PayableInvoiceServer"/> on virtual time Thu 31 Dec 2026 22:00 UTC (23:00 in Amsterdam): November can be
/// issued, December an hour later, so a test sees two invoices issued without running a month of virtual time.
/// </summary>
public sealed class YearEndInvoiceServer() : PayableInvoiceServer(YearEnd)
{
    /// <summary>The virtual time the server starts at.</summary>
    public const string YearEnd = "2026-12-31T22:00:00Z";
}
