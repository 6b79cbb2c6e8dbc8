using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Storage.Tokens;

/// <summary>Creates, finds and revokes API tokens.</summary>
public sealed class TokenStore(IDatabase database)
{
    /// <summary>The name of the token that mirrors <c>STANDBYOPS_ADMIN_TOKEN</c>.</summary>
    public const string EnvironmentAdminName = "env:STANDBYOPS_ADMIN_TOKEN";

    /// <summary>Creates a token and returns it with its secret; the secret is not retrievable afterwards.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string name, TokenRole role, string? customer, string createdBy, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (role.IsCustomerScoped() != (customer is not null))
        {
            throw new ArgumentException(role.IsCustomerScoped()
                ? $"A {role.ToName()} token must name its customer."
                : $"A {role.ToName()} token is not scoped to a customer; omit the customer.", nameof(customer));
        }

        var secret = TokenSecret.Generate();
        var token = new ApiToken(Guid.NewGuid().ToString("N")[..16], name, role, customer, now, createdBy);
        await database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO api_tokens (id, name, role, customer, secret_hash, created_at, created_by) VALUES (@Id, @Name, @Role, @Customer, @Hash, @CreatedAt, @CreatedBy)",
            new { token.Id, token.Name, Role = role.ToName(), token.Customer, Hash = TokenSecret.Hash(secret), token.CreatedAt, token.CreatedBy }, t), cancellationToken).ConfigureAwait(false);
        return (token, secret);
    }

    /// <summary>The live token whose secret this is, or null.</summary>
    public Task<ApiToken?> FindBySecretAsync(string secret, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<Row>(
                "SELECT id, name, role, customer, created_at AS CreatedAt, created_by AS CreatedBy FROM api_tokens WHERE secret_hash = @hash AND revoked_at IS NULL",
                new { hash = TokenSecret.Hash(secret) }).ConfigureAwait(false);
            return row?.ToToken();
        }, cancellationToken);

    /// <summary>The live token with this id, or null once it is revoked (a web session re-checks its token with this).</summary>
    public Task<ApiToken?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<Row>(
                "SELECT id, name, role, customer, created_at AS CreatedAt, created_by AS CreatedBy FROM api_tokens WHERE id = @id AND revoked_at IS NULL",
                new { id }).ConfigureAwait(false);
            return row?.ToToken();
        }, cancellationToken);

    /// <summary>All live tokens, oldest first.</summary>
    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ApiToken>>(async c => (await c.QueryAsync<Row>(
            "SELECT id, name, role, customer, created_at AS CreatedAt, created_by AS CreatedBy FROM api_tokens WHERE revoked_at IS NULL ORDER BY created_at, id").ConfigureAwait(false))
            .Select(r => r.ToToken()).ToList(), cancellationToken);

    /// <summary>Revokes a token; false when there is no live token with that id.</summary>
    public Task<bool> RevokeAsync(string id, Instant now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", new { id, now }, t).ConfigureAwait(false) == 1, cancellationToken);

    /// <summary>
    /// Makes the admin token for <c>STANDBYOPS_ADMIN_TOKEN</c> exist with exactly this secret,
    /// revoking one left from an earlier secret.
    /// </summary>
    public Task EnsureEnvironmentAdminAsync(string secret, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var hash = TokenSecret.Hash(secret);
        return database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                "UPDATE api_tokens SET revoked_at = @now WHERE name = @name AND created_by = 'environment' AND secret_hash <> @hash AND revoked_at IS NULL",
                new { now, name = EnvironmentAdminName, hash }, t).ConfigureAwait(false);
            var live = await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM api_tokens WHERE secret_hash = @hash AND revoked_at IS NULL", new { hash }, t).ConfigureAwait(false);
            if (live == 0)
            {
                await c.ExecuteAsync("DELETE FROM api_tokens WHERE secret_hash = @hash", new { hash }, t).ConfigureAwait(false);
                await c.ExecuteAsync(
                    "INSERT INTO api_tokens (id, name, role, customer, secret_hash, created_at, created_by) VALUES (@id, @name, 'admin', NULL, @hash, @now, 'environment')",
                    new { id = Guid.NewGuid().ToString("N")[..16], name = EnvironmentAdminName, hash, now }, t).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    private sealed record Row(string Id, string Name, string Role, string? Customer, string CreatedAt, string CreatedBy)
    {
        public ApiToken ToToken() => new(Id, Name, Enum.Parse<TokenRole>(Role, ignoreCase: true), Customer, InstantTypeHandler.Parse(CreatedAt), CreatedBy);
    }
}
