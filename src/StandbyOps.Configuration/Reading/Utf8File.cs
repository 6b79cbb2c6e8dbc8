using System.Buffers;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Decodes the configuration file strictly: an invalid UTF-8 byte is an error at its line and column,
/// never a silent U+FFFD that would end up in a name, a phone number or a secret.
/// </summary>
internal static class Utf8File
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The text of <paramref name="bytes"/> (without a BOM), or null with <paramref name="invalidAt"/> set to the first invalid byte.</summary>
    public static string? Decode(byte[] bytes, out Mark invalidAt)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Bom))
        {
            span = span[Bom.Length..];
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            invalidAt = Mark.Empty;
            return new string(chars, 0, charsWritten);
        }

        var valid = chars.AsSpan(0, charsWritten);
        var lineStart = valid.LastIndexOf('\n') + 1;
        var line = valid.Count('\n') + 1;
        invalidAt = new Mark(bytesRead, line, charsWritten - lineStart + 1);
        return null;
    }

    /// <summary>Describes the bytes at the error, as hex, for the message.</summary>
    public static string DescribeBytes(byte[] bytes, Mark at)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var offset = (int)at.Index + (bytes.AsSpan().StartsWith(Bom) ? Bom.Length : 0);
        var shown = bytes.AsSpan(offset, Math.Min(4, bytes.Length - offset));
        var hex = new StringBuilder();
        foreach (var b in shown)
        {
            hex.Append(hex.Length == 0 ? "" : " ").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
