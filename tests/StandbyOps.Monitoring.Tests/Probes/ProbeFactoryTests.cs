using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class ProbeFactoryTests : IDisposable
{
    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Definition_kind_without_a_probe_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => _services.Factory.Create(new SmtpProbeDefinition()));

        Assert.Contains(nameof(SmtpProbeDefinition), error.Message, StringComparison.Ordinal);
    }

    private sealed record SmtpProbeDefinition() : ProbeDefinition(TimeSpan.FromSeconds(1));
}
