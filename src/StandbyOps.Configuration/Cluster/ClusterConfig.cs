namespace StandbyOps.Configuration.Cluster;

/// <summary>
/// <c>cluster:</c> settings: this node's address for the other nodes (<see cref="Host"/>:<see cref="Port"/>) and the
/// nodes a starting node joins through. Absent: one node, no cluster. A cluster needs the shared PostgreSQL store.
/// </summary>
public sealed record ClusterConfig(string Host, int Port, IReadOnlyList<ClusterNodeAddress> SeedNodes);
