using NodaTime;

namespace StandbyOps.Configuration.Teams;

/// <summary>How often a rotation hands over.</summary>
public enum RotationPeriod
{
    Day,
    Week,
}

/// <summary>
/// A rotation in the team's zone: hands over every day or week at <see cref="HandoverTime"/> (on
/// <see cref="HandoverDay"/> for weekly rotations, null for daily ones), cycling through
/// <see cref="Order"/> (engineer ids of the team) from <see cref="Start"/>.
/// </summary>
public sealed record RotationConfig(
    RotationPeriod Every,
    IsoDayOfWeek? HandoverDay,
    LocalTime HandoverTime,
    IReadOnlyList<string> Order,
    LocalDate Start);
