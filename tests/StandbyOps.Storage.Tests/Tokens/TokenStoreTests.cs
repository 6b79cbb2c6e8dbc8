using Dapper;
using StandbyOps.Storage.Tests.Support;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Storage.Tests.Tokens;

public sealed class TokenStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_created_token_is_found_by_its_secret_and_only_the_hash_is_stored(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var tokens = new TokenStore(store.Database);

        var (token, secret) = await tokens.CreateAsync("ci", TokenRole.Desk, null, "test", TempStore.Epoch);

        Assert.StartsWith(TokenSecret.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(token, await tokens.FindBySecretAsync(secret));
        Assert.Null(await tokens.FindBySecretAsync(secret + "x"));
        var stored = await store.Database.ReadAsync(c => c.QuerySingleAsync<string>("SELECT secret_hash FROM api_tokens"));
        Assert.Equal(TokenSecret.Hash(secret), stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_revoked_token_no_longer_authenticates(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var tokens = new TokenStore(store.Database);
        var (token, secret) = await tokens.CreateAsync("old", TokenRole.Engineer, null, "test", TempStore.Epoch);

        Assert.True(await tokens.RevokeAsync(token.Id, TempStore.Epoch));
        Assert.False(await tokens.RevokeAsync(token.Id, TempStore.Epoch));

        Assert.Null(await tokens.FindBySecretAsync(secret));
        Assert.Empty(await tokens.ListAsync());
    }

    [Theory]
    [InlineData(TokenRole.Pusher, null)]
    [InlineData(TokenRole.Customer, null)]
    [InlineData(TokenRole.Admin, "acme")]
    public async Task Customer_scope_must_match_the_role(TokenRole role, string? customer)
    {
        using var store = new TempStore();

        await Assert.ThrowsAsync<ArgumentException>(() => new TokenStore(store.Database).CreateAsync("t", role, customer, "test", TempStore.Epoch));
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task The_environment_admin_token_follows_the_current_secret(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var tokens = new TokenStore(store.Database);

        await tokens.EnsureEnvironmentAdminAsync("first-secret", TempStore.Epoch);
        await tokens.EnsureEnvironmentAdminAsync("first-secret", TempStore.Epoch);
        Assert.Equal(TokenRole.Admin, (await tokens.FindBySecretAsync("first-secret"))?.Role);
        Assert.Single(await tokens.ListAsync());

        await tokens.EnsureEnvironmentAdminAsync("second-secret", TempStore.Epoch);

        Assert.Null(await tokens.FindBySecretAsync("first-secret"));
        Assert.NotNull(await tokens.FindBySecretAsync("second-secret"));
        Assert.Single(await tokens.ListAsync());
    }

    [Theory]
    [InlineData("admin", TokenRole.Admin)]
    [InlineData("Finance", TokenRole.Finance)]
    public void Role_names_parse_case_insensitively(string text, TokenRole expected)
    {
        Assert.True(TokenRoles.TryParse(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("1")]
    [InlineData(null)]
    public void Unknown_role_names_do_not_parse(string? text) => Assert.False(TokenRoles.TryParse(text, out _));
}
