using System.Diagnostics.CodeAnalysis;

namespace StandbyOps.Core.Sla;

/// <summary>The text form of <see cref="Priority"/>: <c>"P1"</c>…<c>"P4"</c> (parsing ignores case and surrounding spaces).</summary>
public static class PriorityText
{
    public static string ToText(this Priority priority) => priority switch
    {
        Priority.P1 => "P1",
        Priority.P2 => "P2",
        Priority.P3 => "P3",
        Priority.P4 => "P4",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a priority P1…P4."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out Priority priority)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 2 && (trimmed[0] == 'P' || trimmed[0] == 'p') && trimmed[1] is >= '1' and <= '4')
        {
            priority = (Priority)(trimmed[1] - '0');
            return true;
        }

        priority = default;
        return false;
    }

    public static Priority Parse(string text)
        => TryParse(text, out var priority)
            ? priority
            : throw new FormatException($"Invalid priority '{text}': expected P1, P2, P3 or P4.");
}
