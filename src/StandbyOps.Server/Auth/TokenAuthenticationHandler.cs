using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StandbyOps.Server.Problems;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c>, or HTTP Basic with the token as the
/// password (what Prometheus client libraries send when pushing). Failures answer with problem
/// details before any endpoint code runs.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "StandbyOpsToken";

    /// <summary>The claim that carries a scoped token's customer.</summary>
    public const string CustomerClaim = "standbyops:customer";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadSecret(Request.Headers.Authorization.ToString());
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindBySecretAsync(secret, Context.RequestAborted).ConfigureAwait(false);
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(TokenPrincipal.For(token, SchemeName), SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = string.IsNullOrEmpty(Request.Headers.Authorization.ToString())
            ? "This endpoint needs an API token: send 'Authorization: Bearer <token>'. Create one with 'StandbyOps.Server token create'."
            : "The API token is malformed, unknown or revoked.";
        return ProblemResults.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "unknown";
        return ProblemResults.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden",
            $"A token with role '{role}' may not call {Request.Method} {Request.Path}.");
    }

    private static string? ReadSecret(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length == 0 ? null : value;
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                var password = colon < 0 ? string.Empty : decoded[(colon + 1)..];
                return password.Length == 0 ? null : password;
            }
            catch (FormatException)
            {
                // A malformed header: an unknown secret, answered with 401 like any other.
                return "\0invalid";
            }
        }

        return header.Length == 0 ? null : "\0invalid";
    }
}
