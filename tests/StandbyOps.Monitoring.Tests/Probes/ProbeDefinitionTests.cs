using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class ProbeDefinitionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Tcp_port_outside_1_to_65535_is_rejected(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpProbeDefinition("10.1.2.3", port, Timeout));
    }

    [Theory]
    [InlineData("")]
    [InlineData("db host")]
    public void Host_that_is_not_a_name_or_address_is_rejected(string host)
    {
        Assert.ThrowsAny<ArgumentException>(() => new IcmpProbeDefinition(host, Timeout));
    }

    [Fact]
    public void Dns_record_type_is_normalized_to_upper_case()
    {
        Assert.Equal("AAAA", new DnsProbeDefinition("shop.acme.example", Timeout, recordType: "aaaa").RecordType);
    }

    [Fact]
    public void Dns_record_types_other_than_A_and_AAAA_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new DnsProbeDefinition("shop.acme.example", Timeout, recordType: "MX"));

        Assert.Contains("A or AAAA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_defaults_to_port_443_and_14_days_with_trust_enforced()
    {
        var definition = new TlsProbeDefinition("shop.acme.example", Timeout);

        Assert.Equal(443, definition.Port);
        Assert.Equal(14, definition.MinDaysLeft);
        Assert.False(definition.AllowUntrustedCertificates);
    }

    [Fact]
    public void Tls_negative_minimum_days_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TlsProbeDefinition("shop.acme.example", Timeout, minDaysLeft: -1));
    }
}
