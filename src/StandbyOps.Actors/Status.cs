namespace StandbyOps.Actors;

/// <summary>Conventional replies understood by <see cref="ActorRefExtensions.Ask{T}"/>.</summary>
public static class Status
{
    /// <summary>A reply that makes the waiting <c>Ask</c> throw <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
