namespace StandbyOps.Incidents.Desk;

/// <summary>The channel an acknowledgement or resolution came through; all mean the same (DOMAIN.md "Acknowledgement").</summary>
public static class Via
{
    public const string Sms = "sms";
    public const string Web = "web";
    public const string Api = "api";

    /// <summary>A keypress during a paging call.</summary>
    public const string Voice = "voice";

    public static IReadOnlyList<string> All { get; } = [Sms, Web, Api, Voice];

    /// <summary>Returns the channel in lower case, or throws naming the valid ones.</summary>
    public static string Require(string via)
    {
        var normalized = via?.Trim().ToLowerInvariant();
        return normalized is not null && All.Contains(normalized)
            ? normalized
            : throw new ArgumentException($"Unknown channel '{via}': use {string.Join(", ", All)}.", nameof(via));
    }
}
