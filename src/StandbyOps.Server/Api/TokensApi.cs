using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>/api/v1/tokens</c>: admins create, list and revoke API tokens.</summary>
public static class TokensApi
{
    /// <summary>The longest token name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A request to create a token.</summary>
    public sealed record CreateTokenRequest(string? Name, string? Role, string? Customer);

    /// <summary>A token as the API shows it; <see cref="Secret"/> only in the create response.</summary>
    public sealed record TokenResponse(string Id, string Name, string Role, string? Customer, Instant CreatedAt, string CreatedBy, string? Secret = null);

    /// <summary>Maps the routes.</summary>
    public static void MapTokensApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireRoles(TokenRole.Admin);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapDelete("/{id}", RevokeAsync);
    }

    /// <summary>Checks a create request against the roles and the configured customers.</summary>
    public static Dictionary<string, string[]> Validate(CreateTokenRequest request, StandbyOpsConfig config, out TokenRole role)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(config);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {MaxNameLength} characters is required."];
        }

        if (!TokenRoles.TryParse(request.Role, out role))
        {
            errors["role"] = [$"'{request.Role}' is not a role. Use one of: {string.Join(", ", TokenRoles.Names)}."];
            return errors;
        }

        if (role.IsCustomerScoped() && string.IsNullOrWhiteSpace(request.Customer))
        {
            errors["customer"] = [$"A {role.ToName()} token belongs to one customer: name it."];
        }
        else if (!role.IsCustomerScoped() && request.Customer is not null)
        {
            errors["customer"] = [$"A {role.ToName()} token is not scoped to a customer: omit 'customer'."];
        }
        else if (request.Customer is not null && !config.Customers.ContainsKey(request.Customer))
        {
            errors["customer"] = [$"No customer '{request.Customer}' in the configuration. Known: {string.Join(", ", config.Customers.Keys)}."];
        }

        return errors;
    }

    private static async Task<Results<Created<TokenResponse>, ValidationProblem>> CreateAsync(
        CreateTokenRequest request, ClaimsPrincipal user, TokenStore tokens, StandbyOpsConfig config, IClock clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request, config, out var role);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The token request is invalid");
        }

        var createdBy = $"token:{user.FindFirstValue(ClaimTypes.Name)}";
        var (token, secret) = await tokens.CreateAsync(request.Name!.Trim(), role, request.Customer, createdBy, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", ToResponse(token) with { Secret = secret });
    }

    private static async Task<Ok<TokenResponse[]>> ListAsync(TokenStore tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tokens.ListAsync(cancellationToken).ConfigureAwait(false)).Select(ToResponse).ToArray());

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(string id, TokenStore tokens, IClock clock, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(id, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    private static TokenResponse ToResponse(ApiToken token) =>
        new(token.Id, token.Name, token.Role.ToName(), token.Customer, token.CreatedAt, token.CreatedBy);
}
