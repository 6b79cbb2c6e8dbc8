using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Auth;

/// <summary>Route conventions: which token roles may call an endpoint.</summary>
public static class EndpointAuthorization
{
    /// <summary>Only tokens with one of <paramref name="roles"/> reach the handler; others get 401/403 problem details.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params TokenRole[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(roles);
        return builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(roles.Select(r => r.ToName())));
    }
}
