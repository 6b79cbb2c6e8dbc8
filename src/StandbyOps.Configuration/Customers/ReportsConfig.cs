namespace StandbyOps.Configuration.Customers;

/// <summary>
/// <c>reports: { contacts: [...] }</c>: the addresses the customer's monthly SLA report is mailed to, on the 1st of each
/// month at 06:00 in the customer's calendar zone (with the report of the month before as a PDF attachment).
/// </summary>
public sealed record ReportsConfig(IReadOnlyList<string> Contacts)
{
    /// <summary>The local time of day on the 1st at which the report mail is due.</summary>
    public static readonly NodaTime.LocalTime SendAt = new(6, 0);
}
