using StandbyOps.Server.Hosting;
using StandbyOps.Server.Paging;

namespace StandbyOps.IntegrationTests.Hosting;

/// <summary>The pure rules behind the first-hour messages: reachable addresses, the busy-port line, the suggested reply, the token command.</summary>
public sealed class FirstHourHelpersTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:9000", "http://127.0.0.1:9000/")]
    [InlineData("http://+:9000", "http://127.0.0.1:9000/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("https://localhost:8443", "https://localhost:8443/")]
    public void A_listen_address_becomes_one_a_local_client_reaches(string listen, string expected)
    {
        Assert.Equal(new Uri(expected), ListenAddresses.Local(listen));
    }

    [Fact]
    public void The_self_address_follows_the_urls_and_prefers_plain_http()
    {
        var settings = new ServerSettings("https://127.0.0.1:8443;http://0.0.0.0:9090", "./data", "./standbyops.yaml");

        Assert.Equal(new Uri("http://127.0.0.1:9090/"), ListenAddresses.Self(null, settings));
    }

    [Fact]
    public void The_busy_port_line_names_the_address_and_suggests_the_next_port()
    {
        var failure = new IOException("Failed to bind to address http://127.0.0.1:8080: address already in use.", new Microsoft.AspNetCore.Connections.AddressInUseException("Address already in use"));

        Assert.True(AddressInUse.Is(failure));
        Assert.False(AddressInUse.Is(new IOException("disk")));
        Assert.Equal(
            "Cannot listen on http://127.0.0.1:8080: the address is already in use (another StandbyOps or another program). Choose another with --urls, e.g. --urls http://127.0.0.1:8081",
            AddressInUse.Describe(failure, "http://127.0.0.1:8080"));
    }

    [Theory]
    [InlineData("2026-000041 P1 acme/webshop: HTTP 503 on /health. Reply 1A ack, 1R resolve", "1A")]
    [InlineData("3 incidents: #1 2026-000041 P1 acme/webshop, #2 2026-000042 P2 acme/db. Reply A ack all, 1A ack #1, 1R resolve #1", "A")]
    [InlineData("no instructions", "A")]
    public void The_suggested_reply_is_the_first_one_the_page_offers(string body, string expected)
    {
        Assert.Equal(expected, SmsReplySimulator.SuggestedReply(body));
    }

    [Fact]
    public void The_token_command_names_only_the_options_that_differ_from_the_defaults_and_quotes_what_a_shell_would_split()
    {
        using var directory = new StandbyOps.Testing.Support.TempDirectory();

        var defaults = FirstSteps.TokenCommand(new ServerSettings(ServerSettings.DefaultUrls, ServerSettings.DefaultDataDirectory, ServerSettings.DefaultConfigPath), directory.Path);
        var custom = FirstSteps.TokenCommand(new ServerSettings(ServerSettings.DefaultUrls, "/srv/my data", "/etc/standbyops.yaml"), directory.Path);

        Assert.EndsWith(" token create --role admin --name me", defaults, StringComparison.Ordinal);
        Assert.EndsWith(" token create --role admin --name me --data-dir '/srv/my data' --config /etc/standbyops.yaml", custom, StringComparison.Ordinal);
    }
}
