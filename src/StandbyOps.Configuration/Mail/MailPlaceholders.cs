namespace StandbyOps.Configuration.Mail;

/// <summary>
/// The placeholders of customer mail templates (<c>{case}</c>, <c>{title}</c>, …) and how a template is split into
/// literal text and placeholders; <c>{{</c> and <c>}}</c> are literal braces. The loader checks templates with it and the
/// desk renders them with it, so both read a template the same way.
/// </summary>
public static class MailPlaceholders
{
    /// <summary>Every placeholder a template may use.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["case", "title", "priority", "customer", "customerName", "system", "state", "responseDue", "resolutionDue", "note", "update"];

    /// <summary>The notices a template can be written for (the same names contacts use in <c>notify</c>).</summary>
    public static readonly IReadOnlyList<string> Notices = ["opened", "acknowledged", "public-notes", "resolved", "closed", "updates"];

    /// <summary>A piece of a template: literal text, or a placeholder name (<see cref="IsPlaceholder"/>) found at <see cref="Index"/>.</summary>
    public readonly record struct Piece(string Text, bool IsPlaceholder, int Index);

    /// <summary>Splits <paramref name="template"/>; an unclosed <c>{</c> is kept as literal text.</summary>
    public static IReadOnlyList<Piece> Split(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var pieces = new List<Piece>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var ch = template[i];
            if ((ch == '{' || ch == '}') && i + 1 < template.Length && template[i + 1] == ch)
            {
                literal.Append(ch);
                i++;
                continue;
            }

            var close = ch == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                literal.Append(ch);
                continue;
            }

            if (literal.Length > 0)
            {
                pieces.Add(new Piece(literal.ToString(), false, i - literal.Length));
                literal.Clear();
            }

            pieces.Add(new Piece(template[(i + 1)..close].Trim(), true, i));
            i = close;
        }

        if (literal.Length > 0)
        {
            pieces.Add(new Piece(literal.ToString(), false, template.Length - literal.Length));
        }

        return pieces;
    }
}
