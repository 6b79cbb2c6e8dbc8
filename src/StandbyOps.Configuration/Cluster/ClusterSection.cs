using System.Globalization;
using NodaTime;
using StandbyOps.Configuration.Reading;
using StandbyOps.Configuration.Store;

namespace StandbyOps.Configuration.Cluster;

/// <summary>Reads <c>cluster:</c>.</summary>
internal static class ClusterSection
{
    private static readonly string[] Keys = ["host", "port", "seedNodes", "heartbeatPause", "stableAfter"];
    private static readonly Duration MinHeartbeatPause = Duration.FromSeconds(1);
    private static readonly Duration MaxHeartbeatPause = Duration.FromMinutes(1);
    private static readonly Duration MinStableAfter = Duration.FromSeconds(2);
    private static readonly Duration MaxStableAfter = Duration.FromMinutes(5);

    public static ClusterConfig? Read(MappingReader top, StoreConfig store)
    {
        if (top.Mapping("cluster", "cluster", Keys) is not { } cluster)
        {
            return null;
        }

        var host = cluster.RequiredString("host", "10.0.0.11");
        var port = cluster.Int("port", 4053, 1, 65535);
        var seeds = cluster.ParseList("seedNodes", ParseAddress);
        if (seeds.Count == 0 && !cluster.Has("seedNodes"))
        {
            cluster.Missing("seedNodes", "[\"10.0.0.11:4053\", \"10.0.0.12:4053\"]");
        }

        if (store.Kind != StoreKind.Postgres)
        {
            top.Reader.Error(top.MarkOf("cluster"), "a cluster needs the shared PostgreSQL store: the embedded SQLite store is one node's",
                "set store: { kind: postgres, connectionString: ${STANDBYOPS_PG} }, or remove cluster: to run one node");
        }

        var pause = cluster.Parse("heartbeatPause", t => Within(t, MinHeartbeatPause, MaxHeartbeatPause, "2s"), ClusterConfig.DefaultHeartbeatPause);
        var stable = cluster.Parse("stableAfter", t => Within(t, MinStableAfter, MaxStableAfter, "4s"), ClusterConfig.DefaultStableAfter);
        return new ClusterConfig(host, port, seeds) { HeartbeatPause = pause, StableAfter = stable };
    }

    private static Parsed<Duration> Within(string text, Duration min, Duration max, string example)
    {
        var parsed = Durations.Parse(text);
        return !parsed.Ok || (parsed.Value >= min && parsed.Value <= max)
            ? parsed
            : Parsed.Failure<Duration>($"it must be from {Durations.Format(min)} to {Durations.Format(max)}", $"write a duration in that range, e.g. {example} (the default)");
    }

    private static Parsed<ClusterNodeAddress> ParseAddress(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return Parsed.Failure<ClusterNodeAddress>("not a node address", "write host:port, e.g. \"10.0.0.11:4053\"");
        }

        return Parsed.Success(new ClusterNodeAddress(text[..colon], port));
    }
}
