namespace StandbyOps.Storage.Database;

/// <summary>
/// Whether the store can take writes: set by the last write's outcome, so readiness and metrics show a full disk
/// while it lasts and clear by themselves after the first write that commits again.
/// </summary>
public sealed class StoreWriteHealth
{
    private long _diskFullFailures;
    private int _full;

    /// <summary>True while the last write failed for lack of space.</summary>
    public bool Full => Volatile.Read(ref _full) == 1;

    /// <summary>Writes refused for lack of space since start.</summary>
    public long DiskFullFailures => Interlocked.Read(ref _diskFullFailures);

    /// <summary>Records a write that failed for lack of space.</summary>
    public void RecordFull()
    {
        Interlocked.Increment(ref _diskFullFailures);
        Volatile.Write(ref _full, 1);
    }

    /// <summary>Records a write that committed.</summary>
    public void RecordCommitted() => Volatile.Write(ref _full, 0);
}
