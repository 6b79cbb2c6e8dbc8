namespace StandbyOps.Configuration.Reading;

/// <summary>
/// The result of parsing one value. <see cref="Problem"/> and <see cref="Fix"/> never repeat the
/// input: it may have come from a secret environment variable.
/// </summary>
internal readonly record struct Parsed<T>(bool Ok, T Value, string Problem, string Fix);

/// <summary>Constructors for <see cref="Parsed{T}"/>.</summary>
internal static class Parsed
{
    public static Parsed<T> Success<T>(T value) => new(true, value, "", "");

    public static Parsed<T> Failure<T>(string problem, string fix) => new(false, default!, problem, fix);
}
