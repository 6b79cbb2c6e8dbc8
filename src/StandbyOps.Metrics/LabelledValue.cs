namespace StandbyOps.Metrics;

/// <summary>One series reported by a callback metric: its label values (in label-name order) and value.</summary>
public readonly record struct LabelledValue(IReadOnlyList<string> LabelValues, double Value);
