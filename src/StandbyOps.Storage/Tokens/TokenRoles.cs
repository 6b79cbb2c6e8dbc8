namespace StandbyOps.Storage.Tokens;

/// <summary>Text form of <see cref="TokenRole"/> as the API and CLI spell it (lower case).</summary>
public static class TokenRoles
{
    /// <summary>All role names, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<TokenRole>().Select(ToName).ToArray();

    /// <summary>The lower-case name of a role.</summary>
    public static string ToName(this TokenRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Parses a lower- or mixed-case role name.</summary>
    public static bool TryParse(string? text, out TokenRole role)
    {
        role = default;
        return text is not null && Names.Contains(text.ToLowerInvariant()) && Enum.TryParse(text, ignoreCase: true, out role);
    }

    /// <summary>True for roles that must name exactly one customer.</summary>
    public static bool IsCustomerScoped(this TokenRole role) => role is TokenRole.Pusher or TokenRole.Customer;
}
