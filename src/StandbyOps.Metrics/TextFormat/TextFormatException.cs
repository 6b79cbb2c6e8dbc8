namespace StandbyOps.Metrics.TextFormat;

/// <summary>A text-format body that breaks the 0.0.4 rules, with the 1-based position of the first problem.</summary>
public sealed class TextFormatException : FormatException
{
    /// <summary>Creates the exception; the message reads <c>line 3, column 17: reason</c>.</summary>
    public TextFormatException(int line, int column, string reason)
        : base($"line {line}, column {column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>1-based column, counted in UTF-16 characters from the start of the line.</summary>
    public int Column { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}
