using System.Security.Claims;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Auth;

/// <summary>Who a caller is on an incident's timeline; the API and the web UI map callers the same way.</summary>
public static class IncidentActors
{
    /// <summary>The token's name, as an engineer, desk user or customer when its role says so.</summary>
    public static Actor ActorOf(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "unknown";
        return user.IsInRole(TokenRole.Engineer.ToName()) ? Actor.OfEngineer(name)
            : user.IsInRole(TokenRole.Desk.ToName()) ? Actor.OfDesk(name)
            : user.IsInRole(TokenRole.Customer.ToName()) ? Actor.OfCustomer(name)
            : Actor.OfToken(name);
    }
}
