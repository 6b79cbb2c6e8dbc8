using System.Net;
using Microsoft.Data.Sqlite;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.IntegrationTests.Web;

namespace StandbyOps.IntegrationTests.Auth;

/// <summary>A customer token sees its own customer's data only, and a customer token that lost its customer sees nothing.</summary>
public sealed class CustomerScopeTests(WebServer running) : IClassFixture<WebServer>
{
    [Fact]
    public async Task A_customer_token_without_its_customer_sees_no_incidents_and_no_systems_rather_than_all()
    {
        await running.FireAsync(Guid.NewGuid().ToString("N")[..16]);
        var (id, secret) = await running.TokenAsync("customer", "acme");
        // The API never creates such a token; a damaged or hand-edited row must still not widen the scope.
        await using (var store = new SqliteConnection($"Data Source={Path.Combine(running.Server.DataDirectory, "standbyops.db")}"))
        {
            await store.OpenAsync();
            await using var update = store.CreateCommand();
            update.CommandText = "UPDATE api_tokens SET customer = NULL WHERE id = $id";
            update.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        using var broken = running.Server.ClientWithToken(secret);

        Assert.NotEmpty((await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray());
        Assert.NotEmpty((await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/systems"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await HttpAssert.JsonAsync(await broken.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await HttpAssert.JsonAsync(await broken.GetAsync("/api/v1/systems"), HttpStatusCode.OK)).EnumerateArray());
    }
}
