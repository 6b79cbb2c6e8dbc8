namespace StandbyOps.Configuration.Reading;

/// <summary>Parses a value that must be one of a few words (case-sensitive), suggesting the nearest one.</summary>
internal static class Choices
{
    public static Func<string, Parsed<T>> Of<T>(params (string Word, T Value)[] options)
    {
        var words = options.Select(o => o.Word).ToList();
        return text =>
        {
            var trimmed = text.Trim();
            foreach (var (word, value) in options)
            {
                if (word == trimmed)
                {
                    return Parsed.Success(value);
                }
            }

            return Parsed.Failure<T>($"expected one of {string.Join(", ", words)}",
                $"{Suggestions.DidYouMean(trimmed, words)}write one of {string.Join(", ", words)}");
        };
    }
}
