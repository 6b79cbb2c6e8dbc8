namespace StandbyOps.Actors.Testing;

/// <summary>A <see cref="TestProbe"/> expectation was not met; the message says what was expected and what came.</summary>
public sealed class ProbeAssertionException : Exception
{
    /// <summary>Creates the exception with the expectation's explanation.</summary>
    public ProbeAssertionException(string message)
        : base(message)
    {
    }
}
