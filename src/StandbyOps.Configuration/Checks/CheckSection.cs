using System.Collections.ObjectModel;
using NodaTime;
using StandbyOps.Configuration.Reading;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Checks;

/// <summary>Reads one entry of a system's <c>checks:</c>.</summary>
internal static class CheckSection
{
    private const int MaxThreshold = 100;
    private static readonly string[] ProbeKinds = ["http", "tcp", "dns", "icmp", "tls"];
    private static readonly string[] Keys = [.. ProbeKinds, "interval", "timeout", "failureThreshold", "successThreshold", "priority", "autoResolve"];
    private static readonly string[] HttpKeys = ["url", "method", "expectStatus", "bodyContains", "maxLatency", "headers"];
    private static readonly string[] TcpKeys = ["host", "port"];
    private static readonly string[] DnsKeys = ["name", "type"];
    private static readonly string[] IcmpKeys = ["host"];
    private static readonly string[] TlsKeys = ["host", "port", "minDaysLeft"];

    private static readonly Func<string, Parsed<string>> ParseMethod = Choices.Of(
        ("GET", "GET"), ("HEAD", "HEAD"), ("POST", "POST"), ("PUT", "PUT"), ("PATCH", "PATCH"), ("DELETE", "DELETE"), ("OPTIONS", "OPTIONS"));

    private static readonly Func<string, Parsed<string>> ParseRecordType = Choices.Of(
        ("A", "A"), ("AAAA", "AAAA"), ("CNAME", "CNAME"), ("MX", "MX"), ("NS", "NS"), ("TXT", "TXT"), ("SRV", "SRV"), ("SOA", "SOA"), ("PTR", "PTR"), ("CAA", "CAA"));

    public static CheckConfig? Read(ConfigReader reader, string id, MappingReader.Entry entry, Priority defaultPriority)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"check '{id}'", Keys) is not { } check)
        {
            return null;
        }

        var probes = check.Entries.Where(e => ProbeKinds.Contains(e.Key)).ToList();
        if (probes.Count == 0)
        {
            reader.Error(entry.KeyMark, $"{check.What} has no probe",
                "add exactly one of http, tcp, dns, icmp or tls, e.g. tcp: { host: db.example.net, port: 5432 }");
        }
        else if (probes.Count > 1)
        {
            reader.Error(probes[1].KeyMark, $"{check.What} has more than one probe: {string.Join(", ", probes.Select(p => p.Key))}",
                "give each probe its own check");
        }

        var kind = probes.Count > 0 ? probes[0].Key : "";
        var probe = ReadProbe(check, kind) ?? new TcpProbeConfig("", 0);
        var interval = check.Parse("interval", Durations.ParsePositive, kind == "tls" ? CheckConfig.DefaultTlsInterval : CheckConfig.DefaultInterval);
        var timeout = check.Parse("timeout", Durations.ParsePositive, CheckConfig.DefaultTimeout);
        if (timeout > interval)
        {
            reader.Warning(check.MarkOf(check.Has("timeout") ? "timeout" : "interval"),
                $"timeout {Durations.Format(timeout)} of {check.What} is longer than its interval {Durations.Format(interval)}",
                "make the timeout at most the interval, so a slow probe does not delay the next one");
        }

        return new CheckConfig(
            id,
            probe,
            interval,
            timeout,
            check.Int("failureThreshold", CheckConfig.DefaultFailureThreshold, 1, MaxThreshold),
            check.Int("successThreshold", CheckConfig.DefaultSuccessThreshold, 1, MaxThreshold),
            check.Parse("priority", Priorities.Parse, defaultPriority),
            check.Bool("autoResolve", true));
    }

    private static ProbeConfig? ReadProbe(MappingReader check, string kind)
    {
        string What(string k) => $"{k} probe of {check.What}";
        switch (kind)
        {
            case "http" when check.Mapping("http", What("http"), HttpKeys) is { } http:
                return ReadHttp(http);
            case "tcp" when check.Mapping("tcp", What("tcp"), TcpKeys) is { } tcp:
                return new TcpProbeConfig(
                    tcp.Parse("host", Names.ParseHost, "", "db.example.net"),
                    tcp.Parse("port", text => MappingReader.ParseInt(text, 1, 65535), 0, "5432"));
            case "dns" when check.Mapping("dns", What("dns"), DnsKeys) is { } dns:
                return new DnsProbeConfig(
                    dns.Parse("name", Names.ParseHost, "", "shop.example.net"),
                    dns.Parse("type", ParseRecordType, DnsProbeConfig.DefaultRecordType));
            case "icmp" when check.Mapping("icmp", What("icmp"), IcmpKeys) is { } icmp:
                return new IcmpProbeConfig(icmp.Parse("host", Names.ParseHost, "", "10.1.2.1"));
            case "tls" when check.Mapping("tls", What("tls"), TlsKeys) is { } tls:
                return new TlsProbeConfig(
                    tls.Parse("host", Names.ParseHost, "", "shop.example.net"),
                    tls.Int("port", TlsProbeConfig.DefaultPort, 1, 65535),
                    tls.Int("minDaysLeft", TlsProbeConfig.DefaultMinDaysLeft, 0, 365));
            default:
                return null;
        }
    }

    private static HttpProbeConfig ReadHttp(MappingReader http)
    {
        var url = http.Parse("url", Names.ParseProbeUrl, new Uri("http://invalid"), "\"https://shop.example.net/health\"");
        var method = http.Parse("method", ParseMethod, HttpProbeConfig.DefaultMethod);
        var expectStatus = HttpProbeConfig.DefaultExpectStatus;
        if (http.Find("expectStatus") is not null)
        {
            expectStatus = http.ParseList("expectStatus", text => MappingReader.ParseInt(text, 100, 599));
            if (http.Items("expectStatus").Count == 0)
            {
                http.Reader.Error(http.MarkOf("expectStatus"), $"expectStatus of {http.What} is empty",
                    "list the status codes that count as up, e.g. [200, 204], or remove it for [200]");
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (http.Mapping("headers", $"headers of {http.What}", allowedKeys: null) is { } map)
        {
            foreach (var header in map.Entries)
            {
                if (header.Key.Any(c => c <= ' ' || c >= 127 || c == ':'))
                {
                    http.Reader.Error(header.KeyMark, $"invalid header name '{header.Key}' in {map.What}",
                        "header names are printable ASCII without spaces or ':', e.g. Authorization");
                }

                if (http.Reader.Scalar(header.Value, header.Key, map.What) is { } value)
                {
                    headers[header.Key] = value.Value;
                }
            }
        }

        return new HttpProbeConfig(
            url,
            method,
            expectStatus,
            http.String("bodyContains"),
            http.ParseOptional<Duration>("maxLatency", Durations.ParsePositive),
            new ReadOnlyDictionary<string, string>(headers));
    }
}
