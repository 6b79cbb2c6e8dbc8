namespace StandbyOps.Monitoring.Push;

/// <summary>Runs a load from the store exactly once, however many callers race for it; a load that failed is tried again by the next caller.</summary>
internal sealed class LoadOnce(Func<CancellationToken, Task> load)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    /// <summary>Returns at once after the first successful load; otherwise loads (one caller at a time).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await load(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
