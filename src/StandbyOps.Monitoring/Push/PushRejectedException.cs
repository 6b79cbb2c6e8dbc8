namespace StandbyOps.Monitoring.Push;

/// <summary>
/// A push, delete or grouping key the Pushgateway API answers with 400: the message is the plain reason
/// (Pushgateway's wording where it has one), and nothing was changed.
/// </summary>
public sealed class PushRejectedException : Exception
{
    /// <summary>Creates the exception with the reason shown to the client.</summary>
    public PushRejectedException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the exception with the reason shown to the client and the error behind it.</summary>
    public PushRejectedException(string reason, Exception inner)
        : base(reason, inner)
    {
    }
}
