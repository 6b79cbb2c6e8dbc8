using System.Diagnostics.CodeAnalysis;

namespace StandbyOps.Incidents.Desk;

/// <summary>The text form of <see cref="IncidentState"/> used by the API and the store: <c>open</c>, <c>acknowledged</c>, <c>resolved</c>, <c>closed</c>.</summary>
public static class IncidentStateText
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<IncidentState>().Select(ToText).ToArray();

    public static string ToText(this IncidentState state) => state switch
    {
        IncidentState.Open => "open",
        IncidentState.Acknowledged => "acknowledged",
        IncidentState.Resolved => "resolved",
        IncidentState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an incident state."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out IncidentState state)
    {
        var normalized = text?.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<IncidentState>())
        {
            if (candidate.ToText() == normalized)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static IncidentState Parse(string text) =>
        TryParse(text, out var state)
            ? state
            : throw new FormatException($"Invalid incident state '{text}': expected {string.Join(", ", Names)}.");
}
