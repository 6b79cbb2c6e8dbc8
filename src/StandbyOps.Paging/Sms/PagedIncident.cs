namespace StandbyOps.Paging.Sms;

/// <summary>One incident as a page names it: the phone's reply code, case number, priority, customer, system and what failed.</summary>
public sealed record PagedIncident(string Code, string CaseNumber, string Priority, string Customer, string System, string What)
{
    /// <summary>The per-phone reply code: a positive number without leading zeros (<c>1</c>, <c>12</c>).</summary>
    public string Code { get; init; } = CheckCode(Code);

    /// <summary>Case number, e.g. <c>2026-000041</c>.</summary>
    public string CaseNumber { get; init; } = Required(CaseNumber, nameof(CaseNumber));

    /// <summary>Priority, e.g. <c>P1</c>.</summary>
    public string Priority { get; init; } = Required(Priority, nameof(Priority));

    /// <summary>Customer name or key.</summary>
    public string Customer { get; init; } = Required(Customer, nameof(Customer));

    /// <summary>System name or key.</summary>
    public string System { get; init; } = Required(System, nameof(System));

    /// <summary>What failed, in a few words; may be empty.</summary>
    public string What { get; init; } = What ?? throw new ArgumentNullException(nameof(What));

    private static string CheckCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var valid = code.Length is > 0 and <= 4 && code[0] != '0' && code.All(char.IsAsciiDigit);
        return valid ? code : throw new ArgumentException($"Reply code '{code}' must be a positive number of at most 4 digits.", nameof(code));
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty.", name) : value.Trim();
}
