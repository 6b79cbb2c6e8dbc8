using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Auth;

/// <summary>Route conventions: which token roles may call an endpoint.</summary>
public static class EndpointAuthorization
{
    /// <summary>Only tokens with one of <paramref name="roles"/> reach the handler; others get 401/403 problem details.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params TokenRole[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(TokenAuthenticationHandler.SchemeName, roles);

    /// <summary>Only callers authenticated by <paramref name="scheme"/> with one of <paramref name="roles"/> reach the handler.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, string scheme, IReadOnlyList<TokenRole> roles)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(roles);
        return builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(scheme)
            .RequireAuthenticatedUser()
            .RequireRole(roles.Select(r => r.ToName())));
    }
}
