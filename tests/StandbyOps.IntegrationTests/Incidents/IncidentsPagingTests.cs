using System.Net;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Incidents;

/// <summary><c>GET /api/v1/incidents</c> in pages: <c>limit</c> caps a page, <c>Link rel="next"</c> continues it in queue order.</summary>
public sealed class IncidentsPagingTests(IncidentServer running) : IClassFixture<IncidentServer>
{
    [Fact]
    public async Task Following_next_links_walks_the_whole_queue_in_order_once()
    {
        foreach (var severity in new[] { "critical", "warning", "error", "info", "critical", "warning", "error" })
        {
            await running.FireAsync(Guid.NewGuid().ToString("N")[..12], severity);
        }

        var everything = CaseNumbers(await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/incidents?state=open&limit=500"), HttpStatusCode.OK));
        var walked = new List<string>();
        var pages = 0;
        string? next = "/api/v1/incidents?state=open&limit=2";
        while (next is not null)
        {
            using var response = await running.Admin.GetAsync(next);
            var page = CaseNumbers(await HttpAssert.JsonAsync(response, HttpStatusCode.OK));
            Assert.InRange(page.Count, 1, 2);
            walked.AddRange(page);
            pages++;
            next = NextLink(response);
            if (next is not null)
            {
                Assert.Contains("state=open", next, StringComparison.Ordinal);
                Assert.Contains("limit=2", next, StringComparison.Ordinal);
            }
        }

        Assert.True(everything.Count >= 7);
        Assert.Equal(everything, walked);
        Assert.Equal((everything.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task A_page_without_more_after_it_has_no_next_link()
    {
        using var response = await running.Admin.GetAsync("/api/v1/incidents?state=closed&limit=500");

        await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Null(NextLink(response));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("cursor=%%%", "cursor")]
    public async Task A_bad_limit_or_cursor_is_a_400_problem_naming_it(string query, string parameter)
    {
        var problem = await HttpAssert.ProblemAsync(await running.Admin.GetAsync($"/api/v1/incidents?{query}"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task The_default_page_is_capped_at_100()
    {
        using var response = await running.Admin.GetAsync("/api/v1/incidents");

        Assert.InRange((await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetArrayLength(), 0, 100);
    }

    private static List<string> CaseNumbers(JsonElement page) =>
        page.EnumerateArray().Select(i => i.GetProperty("caseNumber").GetString()!).ToList();

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = Assert.Single(links);
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
