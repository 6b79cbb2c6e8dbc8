namespace StandbyOps.Actors;

/// <summary>A child name is empty, contains '/' or '$' in the wrong place, or is already taken by a sibling.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception with a message naming the offending name.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }
}
