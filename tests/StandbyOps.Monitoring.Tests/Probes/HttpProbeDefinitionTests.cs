using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class HttpProbeDefinitionTests
{
    private static readonly Uri Health = new("https://shop.acme.example/health");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Defaults_are_GET_expecting_200_without_body_or_latency_limits()
    {
        var definition = new HttpProbeDefinition(Health, Timeout);

        Assert.Equal("GET", definition.Method);
        Assert.Equal([200], definition.ExpectStatus.Order());
        Assert.Null(definition.BodyContains);
        Assert.Null(definition.MaxLatency);
    }

    [Fact]
    public void Method_is_upper_cased()
    {
        Assert.Equal("HEAD", new HttpProbeDefinition(Health, Timeout, method: "head").Method);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("ftp://shop.acme.example/health")]
    public void Url_must_be_absolute_http_or_https_or_a_path_of_this_server(string url)
    {
        Assert.Throws<ArgumentException>(() => new HttpProbeDefinition(new Uri(url, UriKind.RelativeOrAbsolute), Timeout));
    }

    [Fact]
    public void A_path_alone_is_this_server_and_a_relative_path_without_slash_is_not()
    {
        Assert.Equal("/healthz", new HttpProbeDefinition(new Uri("/healthz", UriKind.Relative), Timeout).Url.OriginalString);
        Assert.Throws<ArgumentException>(() => new HttpProbeDefinition(new Uri("healthz", UriKind.Relative), Timeout));
    }

    [Fact]
    public void Status_outside_100_to_599_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new HttpProbeDefinition(Health, Timeout, expectStatus: new HashSet<int> { 200, 700 }));
    }

    [Fact]
    public void Body_check_on_a_HEAD_request_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new HttpProbeDefinition(Health, Timeout, method: "HEAD", bodyContains: "ok"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void Timeout_must_be_positive_and_at_most_five_minutes(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpProbeDefinition(Health, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Definitions_with_the_same_status_codes_are_equal_whatever_set_holds_them()
    {
        var first = new HttpProbeDefinition(Health, Timeout, expectStatus: new HashSet<int> { 204, 200 });
        var second = new HttpProbeDefinition(Health, Timeout, expectStatus: new SortedSet<int> { 200, 204 });

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, new HttpProbeDefinition(Health, Timeout));
    }

    [Fact]
    public void Changing_the_callers_set_afterwards_does_not_change_the_definition()
    {
        var statuses = new HashSet<int> { 200 };
        var definition = new HttpProbeDefinition(Health, Timeout, expectStatus: statuses);

        statuses.Add(503);

        Assert.DoesNotContain(503, definition.ExpectStatus);
    }
}
