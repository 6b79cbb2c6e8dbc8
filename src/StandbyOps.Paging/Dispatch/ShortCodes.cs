namespace StandbyOps.Paging.Dispatch;

/// <summary>Per-phone reply codes: the lowest positive number not held by another live incident on that phone.</summary>
public static class ShortCodes
{
    /// <summary>How long a code stays valid after it was given.</summary>
    public static readonly NodaTime.Duration Lifetime = NodaTime.Duration.FromHours(72);

    /// <summary>The lowest positive code not in <paramref name="inUse"/>.</summary>
    public static int LowestFree(IEnumerable<int> inUse)
    {
        ArgumentNullException.ThrowIfNull(inUse);
        var taken = inUse.Where(c => c > 0).ToHashSet();
        var code = 1;
        while (taken.Contains(code))
        {
            code++;
        }

        return code;
    }
}
