namespace StandbyOps.Metrics.TextFormat;

/// <summary>A label as read from a sample line, with the columns errors about it point at.</summary>
internal readonly record struct ParsedLabel(string Name, string Value, int NameColumn, int ValueColumn);
