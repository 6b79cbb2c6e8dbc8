using System.Security.Claims;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Auth;

/// <summary>What part of the data a caller may see.</summary>
public static class CallerScope
{
    /// <summary>
    /// The customer a customer-role token is pinned to (an empty string if the token somehow has
    /// none, which matches nothing), or null for roles that see every customer.
    /// </summary>
    public static string? PinnedCustomer(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(TokenRole.Customer.ToName()) ? user.FindFirstValue(TokenAuthenticationHandler.CustomerClaim) ?? string.Empty : null;
    }
}
