namespace StandbyOps.Configuration.Customers;

/// <summary>
/// How a customer's invoices name it: <c>legalName</c> (default: the customer's <c>name</c>), <c>address</c> lines and
/// <c>vatId</c> (null: none, e.g. a private person).
/// </summary>
public sealed record CustomerBillingConfig(string LegalName, IReadOnlyList<string> Address, string? VatId);
