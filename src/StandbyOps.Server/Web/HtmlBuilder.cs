using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace StandbyOps.Server.Web;

/// <summary>The interpolated-string handler behind <see cref="Html.Of"/>: encodes every hole that is not already <see cref="Html"/>.</summary>
[InterpolatedStringHandler]
public readonly ref struct HtmlBuilder
{
    // All of Unicode stays readable (names like "Müller"); markup characters and quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _markup;

    /// <summary>Called by the compiler for an interpolated string.</summary>
    public HtmlBuilder(int literalLength, int formattedCount) =>
        _markup = new StringBuilder(literalLength + (formattedCount * 16));

    /// <summary>A literal part: markup written by the programmer.</summary>
    public void AppendLiteral(string value) => _markup.Append(value);

    /// <summary>
    /// A hole: <see cref="Html"/> and sequences of it go in as they are; anything else is formatted with the
    /// invariant culture and encoded. One generic overload, so a <c>List&lt;Html&gt;</c> can never bind to a
    /// text overload and end up encoded as its type name.
    /// </summary>
    public void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case null:
                break;
            case Html html:
                _markup.Append(html.Markup);
                break;
            case IEnumerable<Html> many:
                foreach (var part in many)
                {
                    _markup.Append(part.Markup);
                }

                break;
            case IFormattable formattable:
                _markup.Append(Encoder.Encode(formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                _markup.Append(Encoder.Encode(value.ToString() ?? string.Empty));
                break;
        }
    }

    /// <summary>A hole with a format (<c>{latency:0}</c>), formatted with the invariant culture and encoded.</summary>
    public void AppendFormatted<T>(T value, string? format)
        where T : IFormattable =>
        _markup.Append(Encoder.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>The markup built so far.</summary>
    public override string ToString() => _markup.ToString();
}
