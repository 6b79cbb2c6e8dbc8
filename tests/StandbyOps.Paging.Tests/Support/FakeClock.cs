using NodaTime;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private Instant _now = now;

    public Instant GetCurrentInstant() => _now;

    public void Advance(Duration by) => _now += by;
}
