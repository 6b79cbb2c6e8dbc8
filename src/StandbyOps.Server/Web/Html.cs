namespace StandbyOps.Server.Web;

/// <summary>
/// Markup that is safe to send as it is. The only way to make one from data is <see cref="Of"/>, whose
/// interpolation holes are HTML-encoded unless they are <see cref="Html"/> themselves, so a title that
/// arrived in an alert (<c>&lt;script&gt;</c>) can only ever be shown as text.
/// </summary>
public sealed class Html
{
    private Html(string markup) => Markup = markup;

    /// <summary>Nothing.</summary>
    public static Html Empty { get; } = new(string.Empty);

    /// <summary>The encoded markup.</summary>
    public string Markup { get; }

    /// <summary>Markup from an interpolated string: literal parts are markup, holes are encoded text.</summary>
    public static Html Of(HtmlBuilder builder) => new(builder.ToString());

    /// <summary>Several fragments one after another.</summary>
    public static Html Join(IEnumerable<Html> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new(string.Concat(parts.Select(p => p.Markup)));
    }

    /// <summary>Returns <see cref="Markup"/>.</summary>
    public override string ToString() => Markup;
}
