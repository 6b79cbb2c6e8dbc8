using NodaTime;

namespace StandbyOps.Monitoring.History;

/// <summary>How history is kept: raw results for 48 hours, 5-minute rollups for 400 days.</summary>
public static class HistoryRetention
{
    /// <summary>The length of one rollup bucket; buckets start at multiples of it since the Unix epoch.</summary>
    public static readonly Duration Bucket = Duration.FromMinutes(5);

    /// <summary>How long each raw result is kept.</summary>
    public static readonly Duration Raw = Duration.FromHours(48);

    /// <summary>How long the rollups are kept.</summary>
    public static readonly Duration Rollups = Duration.FromDays(400);

    /// <summary>The start of the bucket that holds <paramref name="at"/>, in Unix seconds.</summary>
    public static long BucketOf(Instant at)
    {
        var seconds = (long)Bucket.TotalSeconds;
        var unix = at.ToUnixTimeSeconds();
        return unix - (((unix % seconds) + seconds) % seconds);
    }

    /// <summary><paramref name="at"/> rounded down to a bucket boundary.</summary>
    public static Instant Floor(Instant at) => Instant.FromUnixTimeSeconds(BucketOf(at));

    /// <summary><paramref name="at"/> rounded up to a bucket boundary.</summary>
    public static Instant Ceiling(Instant at) => Floor(at) == at ? at : Floor(at) + Bucket;
}
