namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// Addresses system monitors by system id, with the members and hashing of Akka.Cluster.Sharding's
/// <c>HashCodeMessageExtractor</c> (entity id, entity message, shard id from a stable hash of the entity id):
/// the local <see cref="MonitorSupervisor"/> routes by it today, and putting the monitors under
/// Cluster.Sharding means deriving from that base class with the same three answers.
/// </summary>
public sealed class MonitorMessageExtractor(int maxNumberOfShards = MonitorMessageExtractor.DefaultShards)
{
    /// <summary>Shards for a default deployment (ten times a first cluster's node count, as Akka advises).</summary>
    public const int DefaultShards = 30;

    /// <summary>The shard count the shard ids are taken modulo.</summary>
    public int MaxNumberOfShards { get; } = maxNumberOfShards > 0
        ? maxNumberOfShards
        : throw new ArgumentOutOfRangeException(nameof(maxNumberOfShards), maxNumberOfShards, "At least one shard.");

    /// <summary>The system id of an envelope; null for anything else (not a monitor's message).</summary>
    public string? EntityId(object message) => (message as MonitorEnvelope)?.SystemId;

    /// <summary>The message the monitor itself receives.</summary>
    public object? EntityMessage(object message) => message is MonitorEnvelope envelope ? envelope.Message : null;

    /// <summary>The shard of a message's entity; null when it has none.</summary>
    public string? ShardId(object message) => EntityId(message) is { } id ? ShardIdOf(id) : null;

    /// <summary>The shard of <paramref name="entityId"/>: a hash that is the same on every node and run (not <c>string.GetHashCode</c>).</summary>
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
}
