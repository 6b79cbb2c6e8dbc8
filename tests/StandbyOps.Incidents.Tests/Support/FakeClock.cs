using NodaTime;

namespace StandbyOps.Incidents.Tests.Support;

/// <summary>A clock that only moves when a test moves it.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
