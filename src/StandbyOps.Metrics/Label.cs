namespace StandbyOps.Metrics;

/// <summary>One label pair of a sample.</summary>
public readonly record struct Label(string Name, string Value);
