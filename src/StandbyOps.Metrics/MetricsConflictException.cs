namespace StandbyOps.Metrics;

/// <summary>Families that cannot be exposed together: the same name with different types, or the same series twice.</summary>
public sealed class MetricsConflictException : InvalidOperationException
{
    /// <summary>Creates the exception for family <paramref name="familyName"/>.</summary>
    public MetricsConflictException(string familyName, string message)
        : base(message) => FamilyName = familyName;

    /// <summary>The family in conflict.</summary>
    public string FamilyName { get; }
}
