namespace StandbyOps.Server.Rota;

/// <summary>An engineer holding an on-call role; name and phone are null for an engineer the team no longer lists.</summary>
public sealed record OnCallPerson(string Engineer, string? Name, string? Phone);
