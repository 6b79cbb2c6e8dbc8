using NodaTime;
using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class TlsProbeTests : IClassFixture<HttpsTarget>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly HttpsTarget _target;
    private readonly FakeClock _clock = new(TestCertificates.Fixed);
    private readonly ProbeServices _services;

    public TlsProbeTests(HttpsTarget target)
    {
        _target = target;
        _services = new ProbeServices(_clock);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Certificate_with_30_days_left_passes_a_14_day_minimum()
    {
        var result = await RunAgainstDatedCertificate();

        Assert.True(result.Success, result.Reason);
        Assert.Equal("TLS: 30 days left", result.Reason);
    }

    [Fact]
    public async Task Certificate_with_fewer_days_left_than_the_minimum_fails()
    {
        _clock.Reset(TestCertificates.DatedNotAfter - Duration.FromDays(9));

        var result = await RunAgainstDatedCertificate();

        Assert.False(result.Success);
        Assert.Equal("TLS: 9 days left (min 14)", result.Reason);
    }

    [Fact]
    public async Task Days_left_count_whole_days_only()
    {
        _clock.Reset(TestCertificates.DatedNotAfter - Duration.FromDays(14) + Duration.FromMinutes(1));

        var result = await RunAgainstDatedCertificate();

        Assert.False(result.Success);
        Assert.Equal("TLS: 13 days left (min 14)", result.Reason);
    }

    [Fact]
    public async Task Certificate_past_its_not_after_fails_as_expired()
    {
        _clock.Reset(TestCertificates.DatedNotAfter + Duration.FromSeconds(1));

        var result = await RunAgainstDatedCertificate();

        Assert.False(result.Success);
        Assert.Equal("TLS: certificate expired", result.Reason);
    }

    [Fact]
    public async Task Certificate_before_its_not_before_fails_as_not_yet_valid()
    {
        _clock.Reset(TestCertificates.DatedNotBefore - Duration.FromHours(1));

        var result = await RunAgainstDatedCertificate();

        Assert.False(result.Success);
        Assert.Equal("TLS: certificate not yet valid", result.Reason);
    }

    [Fact]
    public async Task Untrusted_certificate_fails_unless_explicitly_allowed()
    {
        var result = await Run(new TlsProbeDefinition("localhost", Timeout, port: _target.LongLivedPort));

        Assert.False(result.Success);
        Assert.Equal("TLS: untrusted certificate", result.Reason);
    }

    [Fact]
    public async Task Allowing_untrusted_certificates_still_checks_the_host_name()
    {
        var result = await Run(new TlsProbeDefinition(
            "127.0.0.1", Timeout, port: _target.DatedPort, allowUntrustedCertificates: true));

        Assert.False(result.Success);
        Assert.Equal("TLS: certificate name mismatch", result.Reason);
    }

    [Fact]
    public async Task Closed_port_fails_with_connection_refused()
    {
        var result = await Run(new TlsProbeDefinition("127.0.0.1", Timeout, port: ClosedPort.Find()));

        Assert.False(result.Success);
        Assert.Equal("connection refused", result.Reason);
    }

    private Task<ProbeResult> RunAgainstDatedCertificate() =>
        Run(new TlsProbeDefinition("localhost", Timeout, port: _target.DatedPort, allowUntrustedCertificates: true));

    private Task<ProbeResult> Run(TlsProbeDefinition definition) =>
        _services.Factory.Create(definition).RunAsync(CancellationToken.None);
}
