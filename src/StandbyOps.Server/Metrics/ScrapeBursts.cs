namespace StandbyOps.Server.Metrics;

/// <summary>
/// Gives memory back after a burst of concurrent <c>/metrics</c> scrapes. Each scrape streams the shared rendering of the
/// pushed groups, but its response buffers and the runtime's heap grow with how many run at once, and the garbage
/// collector keeps that memory for later. When the last scrape of a burst ends and the burst wrote at least
/// <see cref="TrimAfterBytes"/> together (25 scrapes of 10 MB; ordinary scrapes one at a time never come near), the heap
/// is compacted once and the freed memory returned to the system (<see cref="GCCollectionMode.Aggressive"/>).
/// </summary>
/// <param name="trim">What gives the memory back; the server passes <see cref="TrimHeap"/>.</param>
public sealed class ScrapeBursts(Action trim)
{
    /// <summary>The bytes a burst must write together before its end gives memory back.</summary>
    public const long TrimAfterBytes = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private int _running;
    private long _written;

    /// <summary>A scrape begins.</summary>
    public void Started()
    {
        lock (_gate)
        {
            _running++;
        }
    }

    /// <summary>A scrape that wrote about <paramref name="bytes"/> ended; true when it ended a burst large enough to give memory back (done on the thread pool).</summary>
    public bool Ended(long bytes)
    {
        lock (_gate)
        {
            _running--;
            _written += bytes;
            if (_running > 0)
            {
                return false;
            }

            var burst = _written;
            _written = 0;
            if (burst < TrimAfterBytes)
            {
                return false;
            }
        }

        _ = Task.Run(trim);
        return true;
    }

    /// <summary>A blocking, compacting collection of every generation that also returns the freed memory to the system.</summary>
    public static void TrimHeap() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
