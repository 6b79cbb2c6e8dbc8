namespace StandbyOps.Core;

/// <summary>Argument checks at the edge of the domain types, so their insides can trust their values.</summary>
internal static class Preconditions
{
    public static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    public static void Check(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>Generic so that checking a struct on a hot path does not box it unless the check fails.</summary>
    public static void CheckRange<T>(bool condition, string paramName, T actual, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actual, message);
        }
    }
}
