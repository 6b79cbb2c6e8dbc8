using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

/// <summary>The probe factory exactly as the server wires it (<c>AddProbes()</c>), with a test clock.</summary>
internal sealed class ProbeServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public ProbeServices(IClock clock)
    {
        _provider = new ServiceCollection().AddSingleton(clock).AddProbes().BuildServiceProvider();
        Factory = _provider.GetRequiredService<ProbeFactory>();
    }

    public ProbeFactory Factory { get; }

    public void Dispose() => _provider.Dispose();
}
