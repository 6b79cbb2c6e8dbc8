using System.Diagnostics.CodeAnalysis;

namespace StandbyOps.Incidents.Signals;

/// <summary>The text form of <see cref="SignalSource"/> used by the API and the store: <c>check</c>, <c>heartbeat</c>, <c>push</c>, <c>alertmanager</c>.</summary>
public static class SignalSourceText
{
    public static string ToText(this SignalSource source) => source switch
    {
        SignalSource.Check => "check",
        SignalSource.Heartbeat => "heartbeat",
        SignalSource.Push => "push",
        SignalSource.Alertmanager => "alertmanager",
        SignalSource.Desk => "desk",
        SignalSource.Portal => "portal",
        SignalSource.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a signal source."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out SignalSource source)
    {
        var normalized = text?.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<SignalSource>())
        {
            if (candidate.ToText() == normalized)
            {
                source = candidate;
                return true;
            }
        }

        source = default;
        return false;
    }

    public static SignalSource Parse(string text) =>
        TryParse(text, out var source)
            ? source
            : throw new FormatException($"Invalid signal source '{text}': expected check, heartbeat, push, alertmanager, desk, portal or email.");
}
