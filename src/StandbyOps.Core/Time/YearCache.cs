using System.Collections.Concurrent;

namespace StandbyOps.Core.Time;

/// <summary>
/// A thread-safe, lazily filled cache of per-year data. Years around the present sit in a plain
/// array (one volatile read on the hot path); others fall back to a dictionary.
/// </summary>
internal sealed class YearCache<T>
    where T : class
{
    private const int FirstArrayYear = 1900;
    private const int ArrayYears = 400;

    private readonly Func<int, T> _factory;
    private readonly T?[] _near = new T?[ArrayYears];
    private readonly ConcurrentDictionary<int, T> _far = new();

    public YearCache(Func<int, T> factory) => _factory = factory;

    public T Get(int year)
    {
        var index = year - FirstArrayYear;
        if ((uint)index < ArrayYears)
        {
            var cached = Volatile.Read(ref _near[index]);
            if (cached is not null)
            {
                return cached;
            }

            // Two threads may both compute a year; the values are equal, and one of them wins.
            var computed = _factory(year);
            return Interlocked.CompareExchange(ref _near[index], computed, null) ?? computed;
        }

        return _far.GetOrAdd(year, _factory);
    }
}
