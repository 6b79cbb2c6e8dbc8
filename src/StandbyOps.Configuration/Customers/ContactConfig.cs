namespace StandbyOps.Configuration.Customers;

/// <summary>
/// A customer's contact: a known sender for e-mail intake, and a recipient of the ticket mails named in
/// <see cref="Notify"/> (<c>opened</c>, <c>acknowledged</c>, <c>public-notes</c>, <c>resolved</c>, <c>closed</c>, <c>updates</c>).
/// </summary>
public sealed record ContactConfig(string Name, string Email, string? Phone, IReadOnlyList<string> Notify, bool Portal)
{
    /// <summary>Every event a contact can ask mail for.</summary>
    public static readonly IReadOnlyList<string> Events = ["opened", "acknowledged", "public-notes", "resolved", "closed", "updates"];

    /// <summary>True when the contact wants mail about <paramref name="notice"/>.</summary>
    public bool Wants(string notice) => Notify.Contains(notice, StringComparer.Ordinal);
}
