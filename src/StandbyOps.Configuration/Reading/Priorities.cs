using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Reading;

/// <summary>Priorities written <c>P1</c>…<c>P4</c>.</summary>
internal static class Priorities
{
    public static readonly Func<string, Parsed<Priority>> Parse = Choices.Of(
        ("P1", Priority.P1), ("P2", Priority.P2), ("P3", Priority.P3), ("P4", Priority.P4));
}
