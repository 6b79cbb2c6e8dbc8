using NodaTime;

namespace StandbyOps.Monitoring.Tests.Probes;

/// <summary>A clock the test sets by hand (NodaTime.Testing is not available here).</summary>
internal sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
