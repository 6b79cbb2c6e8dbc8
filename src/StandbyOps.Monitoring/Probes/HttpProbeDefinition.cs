using System.Collections.Immutable;

namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// An HTTP(S) check: the response must carry one of <see cref="ExpectStatus"/>, optionally contain
/// <see cref="BodyContains"/> in its first 64 KB and arrive within <see cref="MaxLatency"/>.
/// Redirects are not followed (a 301 is a status like any other). A <see cref="Url"/> that is only a path probes
/// the server itself (the probe client's base address).
/// </summary>
public sealed record HttpProbeDefinition : ProbeDefinition
{
    public const string DefaultMethod = "GET";

    public static IReadOnlySet<int> DefaultExpectStatus { get; } = ImmutableSortedSet.Create(200);

    public HttpProbeDefinition(
        Uri url,
        TimeSpan timeout,
        string method = DefaultMethod,
        IReadOnlySet<int>? expectStatus = null,
        string? bodyContains = null,
        TimeSpan? maxLatency = null)
        : base(timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        // A path alone (/healthz) is this server itself: the probes' HttpClient has the server's own address as its base.
        if (url.IsAbsoluteUri ? url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps : !url.OriginalString.StartsWith('/'))
        {
            throw new ArgumentException($"'{url}' is neither an absolute http:// or https:// URL nor a path of this server.", nameof(url));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        if (!method.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"'{method}' is not an HTTP method.", nameof(method));
        }

        var statuses = (expectStatus ?? DefaultExpectStatus).ToImmutableSortedSet();
        if (statuses.IsEmpty || statuses.Min < 100 || statuses.Max > 599)
        {
            throw new ArgumentException("Expected statuses must be a non-empty set of codes between 100 and 599.", nameof(expectStatus));
        }

        if (bodyContains is not null && bodyContains.Length == 0)
        {
            throw new ArgumentException("bodyContains must not be empty; leave it unset to skip the body check.", nameof(bodyContains));
        }

        if (maxLatency <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLatency), maxLatency, "A maximum latency must be positive.");
        }

        Url = url;
        Method = method.ToUpperInvariant();
        if (bodyContains is not null && Method == "HEAD")
        {
            throw new ArgumentException("A HEAD response has no body, so bodyContains cannot be checked.", nameof(bodyContains));
        }

        ExpectStatus = statuses;
        BodyContains = bodyContains;
        MaxLatency = maxLatency;
    }

    public Uri Url { get; }

    /// <summary>Upper-cased HTTP method.</summary>
    public string Method { get; }

    public IReadOnlySet<int> ExpectStatus { get; }

    /// <summary>Text the body must contain (ordinal, UTF-8, first 64 KB), or null to skip the check.</summary>
    public string? BodyContains { get; }

    /// <summary>Slowest acceptable response, or null for no limit beyond <see cref="ProbeDefinition.Timeout"/>.</summary>
    public TimeSpan? MaxLatency { get; }

    // The status set compares by content, so a reloaded but unchanged check stays equal.
    public bool Equals(HttpProbeDefinition? other) =>
        other is not null
        && base.Equals(other)
        && Url == other.Url
        && Method == other.Method
        && ExpectStatus.SetEquals(other.ExpectStatus)
        && BodyContains == other.BodyContains
        && MaxLatency == other.MaxLatency;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        hash.Add(Url);
        hash.Add(Method);
        foreach (var status in ExpectStatus)
        {
            hash.Add(status);
        }

        hash.Add(BodyContains);
        hash.Add(MaxLatency);
        return hash.ToHashCode();
    }
}
