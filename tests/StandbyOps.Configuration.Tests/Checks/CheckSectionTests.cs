using NodaTime;
using StandbyOps.Configuration.Checks;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Tests.Checks;

public sealed class CheckSectionTests
{
    private static CheckConfig LoadCheck(string check) =>
        Loading.Load(Loading.PreambleWithSystem + $$"""
                    checks:
                      probe: {{check}}
            """).Valid().Customers["acme"].Systems["web"].Checks["probe"];

    [Fact]
    public void A_misspelt_key_is_an_error_suggesting_the_allowed_key()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        http: { url: "https://shop.example.net/health" }
                        intervall: 30s
            """);

        var error = result.SingleError();
        error.AssertAt(14, ["unknown key 'intervall' in check 'home'"], ["did you mean 'interval'? Allowed keys: http, tcp, dns, icmp, tls, interval"]);
        Assert.Equal("standbyops.yaml:14:13: error: unknown key 'intervall' in check 'home'. Fix: did you mean 'interval'? Allowed keys: http, tcp, dns, icmp, tls, interval, timeout, failureThreshold, successThreshold, priority, autoResolve", error.ToString());
    }

    [Fact]
    public void A_check_without_a_probe_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        interval: 30s
            """);

        result.SingleError().AssertAt(12, ["check 'home' has no probe"], ["exactly one of http, tcp, dns, icmp or tls"]);
    }

    [Fact]
    public void A_check_with_two_probes_is_an_error_at_the_second()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        http: { url: "https://shop.example.net/health" }
                        tcp: { host: shop.example.net, port: 443 }
            """);

        result.SingleError().AssertAt(14, ["more than one probe: http, tcp"], ["its own check"]);
    }

    [Fact]
    public void An_http_check_gets_the_documented_defaults()
    {
        var check = LoadCheck("""{ http: { url: "https://shop.example.net/health" } }""");

        var http = Assert.IsType<HttpProbeConfig>(check.Probe);
        Assert.Equal(("GET", (string?)null, (Duration?)null), (http.Method, http.BodyContains, http.MaxLatency));
        Assert.Equal([200], http.ExpectStatus);
        Assert.Equal((Duration.FromSeconds(60), Duration.FromSeconds(10), 3, 2, true),
            (check.Interval, check.Timeout, check.FailureThreshold, check.SuccessThreshold, check.AutoResolve));
    }

    [Fact]
    public void A_tls_check_defaults_to_port_443_two_weeks_and_an_hourly_interval()
    {
        var check = LoadCheck("{ tls: { host: shop.example.net } }");

        Assert.Equal(new TlsProbeConfig("shop.example.net", 443, 14), check.Probe);
        Assert.Equal(Duration.FromHours(1), check.Interval);
    }

    [Fact]
    public void A_dns_check_defaults_to_an_a_record()
    {
        Assert.Equal(new DnsProbeConfig("shop.example.net", "A"), LoadCheck("{ dns: { name: shop.example.net } }").Probe);
    }

    [Fact]
    public void Http_headers_may_take_secrets_from_the_environment()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      api:
                        http:
                          url: "https://api.example.net/health"
                          method: HEAD
                          expectStatus: [200, 204]
                          headers: { Authorization: "Bearer ${API_TOKEN}" }
                        autoResolve: false
            """, new Dictionary<string, string> { ["API_TOKEN"] = "abc" });

        var check = result.Valid().Customers["acme"].Systems["web"].Checks["api"];
        var http = Assert.IsType<HttpProbeConfig>(check.Probe);
        Assert.Equal("Bearer abc", http.Headers["Authorization"]);
        Assert.Equal(("HEAD", false), (http.Method, check.AutoResolve));
        Assert.Equal([200, 204], http.ExpectStatus);
        Assert.DoesNotContain("abc", http.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_alone_probes_this_server_and_loads_as_a_relative_url()
    {
        var check = LoadCheck("""{ http: { url: "/healthz" } }""");

        var url = Assert.IsType<HttpProbeConfig>(check.Probe).Url;
        Assert.False(url.IsAbsoluteUri);
        Assert.Equal("/healthz", url.OriginalString);
    }

    [Fact]
    public void A_protocol_relative_url_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        http: { url: "//shop.example.net/health" }
            """);

        result.SingleError().AssertAt(13, ["invalid url '//shop.example.net/health'", "http probe of check 'home'"], ["/healthz"]);
    }

    [Fact]
    public void A_url_that_is_not_http_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        http: { url: "shop.example.net/health" }
            """);

        result.SingleError().AssertAt(13, ["invalid url 'shop.example.net/health'", "http probe of check 'home'"], ["https://"]);
    }

    [Fact]
    public void A_port_out_of_range_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      db:
                        tcp: { host: 10.1.2.3, port: 65536 }
            """);

        result.SingleError().AssertAt(13, ["invalid port '65536'", "tcp probe of check 'db'"], ["1 to 65535"]);
    }

    [Fact]
    public void A_host_with_a_scheme_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      db:
                        tcp: { host: "tcp://10.1.2.3", port: 5432 }
            """);

        result.SingleError().AssertAt(13, ["invalid host 'tcp://10.1.2.3'"], ["without scheme"]);
    }

    [Fact]
    public void A_bad_priority_is_an_error_listing_p1_to_p4()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      db:
                        tcp: { host: 10.1.2.3, port: 5432 }
                        priority: P5
            """);

        result.SingleError().AssertAt(14, ["invalid priority 'P5'"], ["P1, P2, P3, P4"]);
    }

    [Fact]
    public void An_explicit_priority_overrides_the_criticality()
    {
        Assert.Equal(Priority.P1, LoadCheck("{ icmp: { host: 10.0.0.1 }, priority: P1 }").Priority);
    }

    [Fact]
    public void A_zero_failure_threshold_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      db:
                        tcp: { host: 10.1.2.3, port: 5432 }
                        failureThreshold: 0
            """);

        result.SingleError().AssertAt(14, ["invalid failureThreshold '0'"], ["from 1 to 100"]);
    }

    [Fact]
    public void An_unknown_http_method_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        http: { url: "https://shop.example.net/", method: get }
            """);

        result.SingleError().AssertAt(13, ["invalid method 'get'"], ["did you mean 'GET'?"]);
    }

    [Fact]
    public void A_status_code_out_of_range_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      home:
                        http: { url: "https://shop.example.net/", expectStatus: [200, 2000] }
            """);

        result.SingleError().AssertAt(13, ["invalid expectStatus '2000'"], ["from 100 to 599"]);
    }

    [Fact]
    public void A_timeout_longer_than_the_interval_is_a_warning()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      db:
                        tcp: { host: 10.1.2.3, port: 5432 }
                        interval: 5s
                        timeout: 10s
            """);

        result.SingleWarning().AssertAt(15, ["timeout 10s", "longer than its interval 5s"], ["at most the interval"]);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void A_boolean_must_be_true_or_false()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      db:
                        tcp: { host: 10.1.2.3, port: 5432 }
                        autoResolve: yes
            """);

        result.SingleError().AssertAt(14, ["invalid autoResolve 'yes'"], ["true or false"]);
    }
}
