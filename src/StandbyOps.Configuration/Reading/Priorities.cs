using StandbyOps.Configuration.Customers;

namespace StandbyOps.Configuration.Reading;

/// <summary>Priorities written <c>P1</c>…<c>P4</c>.</summary>
internal static class Priorities
{
    public static readonly Func<string, Parsed<PriorityLevel>> Parse = Choices.Of(
        ("P1", PriorityLevel.P1), ("P2", PriorityLevel.P2), ("P3", PriorityLevel.P3), ("P4", PriorityLevel.P4));
}
