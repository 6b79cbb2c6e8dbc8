using System.Security.Claims;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Auth;

/// <summary>
/// The claims of a caller authenticated by an API token, the same for a bearer token and a web
/// session, so role checks, <see cref="CallerScope.PinnedCustomer"/> and <see cref="IncidentActors.ActorOf"/>
/// read both alike.
/// </summary>
public static class TokenPrincipal
{
    /// <summary>The principal for <paramref name="token"/>, authenticated by <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal For(ApiToken token, string scheme)
    {
        ArgumentNullException.ThrowIfNull(token);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, token.Id),
            new(ClaimTypes.Name, token.Name),
            new(ClaimTypes.Role, token.Role.ToName()),
        ];
        if (token.Customer is not null)
        {
            claims.Add(new Claim(TokenAuthenticationHandler.CustomerClaim, token.Customer));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>True when <paramref name="user"/> still says what <paramref name="token"/> says (id, role and customer).</summary>
    public static bool Matches(this ClaimsPrincipal user, ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(token);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) == token.Id
            && user.IsInRole(token.Role.ToName())
            && user.FindFirstValue(TokenAuthenticationHandler.CustomerClaim) == token.Customer;
    }
}
