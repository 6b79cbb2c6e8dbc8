namespace StandbyOps.Storage.Database;

/// <summary>
/// A write failed because the store has no room left (the disk is full, or the store reached its configured
/// size limit). Nothing of the transaction was committed; the same write succeeds once space returns.
/// </summary>
public sealed class StoreFullException : Exception
{
    /// <inheritdoc />
    public StoreFullException()
    {
    }

    /// <inheritdoc />
    public StoreFullException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public StoreFullException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
