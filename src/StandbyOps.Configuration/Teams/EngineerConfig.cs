using NodaTime;

namespace StandbyOps.Configuration.Teams;

/// <summary>An engineer: display name, E.164 phone number and zone (the team's unless the engineer sets <c>timeZone</c>).</summary>
public sealed record EngineerConfig(string Id, string Name, string Phone, DateTimeZone Zone);
