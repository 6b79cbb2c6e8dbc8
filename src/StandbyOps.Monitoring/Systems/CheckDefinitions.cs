using System.Globalization;
using System.Text;
using NodaTime;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Systems;

/// <summary>Turns configured checks into probe definitions, and fingerprints them so a reload keeps the state of unchanged ones.</summary>
public static class CheckDefinitions
{
    /// <summary>The probe definition of <paramref name="check"/>.</summary>
    public static ProbeDefinition ProbeFor(CheckConfig check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var timeout = check.Timeout.ToTimeSpan();
        return check.Probe switch
        {
            HttpProbeConfig http => new HttpProbeDefinition(http.Url, timeout, http.Method, http.ExpectStatus.ToHashSet(), http.BodyContains, http.MaxLatency?.ToTimeSpan()),
            TcpProbeConfig tcp => new TcpProbeDefinition(tcp.Host, tcp.Port, timeout),
            DnsProbeConfig dns => new DnsProbeDefinition(dns.Name, timeout, dns.RecordType),
            IcmpProbeConfig icmp => new IcmpProbeDefinition(icmp.Host, timeout),
            TlsProbeConfig tls => new TlsProbeDefinition(tls.Host, timeout, tls.Port, tls.MinDaysLeft),
            _ => throw new ArgumentException($"Check '{check.Id}' has an unknown probe kind {check.Probe.GetType().Name}.", nameof(check)),
        };
    }

    /// <summary>A text that is equal for two checks exactly when they would behave the same.</summary>
    public static string Fingerprint(CheckConfig check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{check.Id}|{check.Interval}|{check.Timeout}|{check.FailureThreshold}|{check.SuccessThreshold}|{check.Priority}|{check.AutoResolve}|");
        text.Append(check.Probe switch
        {
            HttpProbeConfig h => $"http|{h.Url}|{h.Method}|{string.Join(',', h.ExpectStatus)}|{h.BodyContains}|{h.MaxLatency}|{string.Join(',', h.Headers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))}",
            TcpProbeConfig t => $"tcp|{t.Host}|{t.Port}",
            DnsProbeConfig d => $"dns|{d.Name}|{d.RecordType}",
            IcmpProbeConfig i => $"icmp|{i.Host}",
            TlsProbeConfig s => $"tls|{s.Host}|{s.Port}|{s.MinDaysLeft}",
            _ => check.Probe.ToString(),
        });
        return text.ToString();
    }

    /// <summary>A text that is equal for two heartbeats exactly when they would behave the same.</summary>
    public static string Fingerprint(HeartbeatConfig heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        return $"{heartbeat.Id}|{heartbeat.Token}|{heartbeat.Period}|{heartbeat.Cron}|{heartbeat.CronZone.Id}|{heartbeat.Grace}|{heartbeat.Priority}";
    }

    /// <summary>
    /// A stable delay before a check's first run, spread over its interval so thousands of checks
    /// with the same interval do not all fire at once (the same check always gets the same offset).
    /// </summary>
    public static Duration InitialDelay(string systemId, string checkId, Duration interval)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in $"{systemId}/{checkId}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        var ticks = interval.BclCompatibleTicks;
        return ticks <= 0 ? Duration.Zero : Duration.FromTicks((long)(hash % (ulong)ticks));
    }
}
