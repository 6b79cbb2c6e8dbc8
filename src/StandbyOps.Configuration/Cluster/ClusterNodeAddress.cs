using System.Globalization;

namespace StandbyOps.Configuration.Cluster;

/// <summary>One node's cluster address, <c>host:port</c>.</summary>
public sealed record ClusterNodeAddress(string Host, int Port)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
