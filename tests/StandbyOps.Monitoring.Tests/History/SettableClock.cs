using NodaTime;

namespace StandbyOps.Monitoring.Tests.History;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableClock(Instant start) : IClock
{
    public Instant Now { get; set; } = start;

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration by) => Now += by;
}
