namespace StandbyOps.IntegrationTests.Cluster;

/// <summary>
/// The cluster tests run three servers each and time a failover against its 15-s limit: they run alone, after the
/// parallel tests, so the other tests' servers do not share the machine's cores with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cluster";
}
