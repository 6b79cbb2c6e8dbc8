using Akka.Cluster.Sharding;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// Addresses system monitors by system id for Cluster.Sharding (and for the local <see cref="MonitorSupervisor"/>
/// of a single node): the entity id and message of a <see cref="MonitorEnvelope"/>, and a shard id from a hash of the system id that is the same on every
/// node and every run (FNV-1a, not <c>string.GetHashCode</c>). Akka's own <c>StartEntity</c> and <c>ShardingEnvelope</c>
/// are handled by Akka before the extractor sees them.
/// </summary>
public sealed class MonitorMessageExtractor(int maxNumberOfShards = MonitorMessageExtractor.DefaultShards) : HashCodeMessageExtractor(Checked(maxNumberOfShards))
{
    /// <summary>Shards for a default deployment (ten times a first cluster's node count, as Akka advises).</summary>
    public const int DefaultShards = 30;

    /// <summary>The system id of an envelope; null for anything else (not a monitor's message).</summary>
    public override string? EntityId(object message) => (message as MonitorEnvelope)?.SystemId;

    /// <summary>The message the monitor itself receives.</summary>
    public override object? EntityMessage(object message) => (message as MonitorEnvelope)?.Message;

    /// <summary>The shard of a message's entity; null when it has none.</summary>
    [Obsolete("Akka's own overload; use ShardIdOf.")]
    public override string? ShardId(object message) => EntityId(message) is { } id ? ShardIdOf(id) : null;

    /// <inheritdoc />
    public override string ShardId(string entityId, object? messageHint = null) => ShardIdOf(entityId);

    /// <summary>The shard of <paramref name="entityId"/>: a hash that is the same on every node and run.</summary>
    public string ShardIdOf(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        // FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in entityId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % (uint)MaxNumberOfShards).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Checked(int shards) =>
        shards > 0 ? shards : throw new ArgumentOutOfRangeException("maxNumberOfShards", shards, "At least one shard.");
}
