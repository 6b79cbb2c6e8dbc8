using NodaTime;

namespace StandbyOps.Storage.Tokens;

/// <summary>A stored API token. The secret itself is never stored, only its SHA-256.</summary>
public sealed record ApiToken(string Id, string Name, TokenRole Role, string? Customer, Instant CreatedAt, string CreatedBy);
