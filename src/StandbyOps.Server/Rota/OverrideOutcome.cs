namespace StandbyOps.Server.Rota;

/// <summary>What adding an override did: stored it, refused it with errors per field, or found no such team.</summary>
public sealed record OverrideOutcome(StoredOverride? Stored, IReadOnlyDictionary<string, string[]> Errors, bool TeamNotFound);
