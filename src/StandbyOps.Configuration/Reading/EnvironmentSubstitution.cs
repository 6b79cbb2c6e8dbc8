using System.Text;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Resolves <c>${NAME}</c> references in a value from the environment. <c>$${</c> is a literal
/// <c>${</c>; any other <c>$</c> is kept as is. An unset or empty variable is missing.
/// </summary>
internal static class EnvironmentSubstitution
{
    /// <summary>The outcome: the resolved value, whether anything came from the environment, and what went wrong.</summary>
    public sealed record Result(string Value, bool UsedEnvironment, IReadOnlyList<string> Missing, string? SyntaxProblem);

    public static Result Resolve(string raw, Func<string, string?> environment)
    {
        if (!raw.Contains('$', StringComparison.Ordinal))
        {
            return new Result(raw, false, [], null);
        }

        var value = new StringBuilder(raw.Length);
        var missing = new List<string>();
        var used = false;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != '$')
            {
                value.Append(raw[i++]);
                continue;
            }

            if (At(raw, i + 1, "${"))
            {
                value.Append("${");
                i += 3;
                continue;
            }

            if (!At(raw, i + 1, "{"))
            {
                value.Append(raw[i++]);
                continue;
            }

            var close = raw.IndexOf('}', i + 2);
            if (close < 0)
            {
                return new Result(raw, used, missing, "'${' is not closed by '}'");
            }

            var name = raw[(i + 2)..close];
            if (!IsVariableName(name))
            {
                return new Result(raw, used, missing,
                    $"'${{{name}}}' is not a variable reference: names are letters, digits and '_', not starting with a digit");
            }

            used = true;
            var resolved = environment(name);
            if (string.IsNullOrEmpty(resolved))
            {
                missing.Add(name);
            }
            else
            {
                value.Append(resolved);
            }

            i = close + 1;
        }

        return new Result(value.ToString(), used, missing, null);
    }

    private static bool At(string text, int index, string expected) =>
        index + expected.Length <= text.Length && string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

    private static bool IsVariableName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
