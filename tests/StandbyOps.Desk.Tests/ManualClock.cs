using NodaTime;

namespace StandbyOps.Desk.Tests;

/// <summary>A clock that only moves when a test moves it.</summary>
public sealed class ManualClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
