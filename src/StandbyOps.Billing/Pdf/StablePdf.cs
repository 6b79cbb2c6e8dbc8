using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace StandbyOps.Billing.Pdf;

/// <summary>
/// Document setup shared by every PDF: a new A4 document whose bytes depend only on what is drawn and on a stable
/// key. PDFsharp stamps a document with the time of its creation, a random file identifier and random font-subset
/// tags; here the dates are a given instant (e.g. the invoice's issue date), the identifier is a hash of the key and
/// each subset tag a hash of its font's name, so rendering the same content again gives the same bytes.
/// </summary>
public static partial class StablePdf
{
    /// <summary>A new document with fixed metadata; draw on it with <see cref="PdfLayout"/>, then <see cref="Save"/>.</summary>
    public static PdfDocument Create(string title, string author, DateTimeOffset created)
    {
        PdfFonts.EnsureInstalled();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Creator = "StandbyOps";
        // A PDF date string in UTC, so the bytes do not depend on the machine's zone.
        var date = created.UtcDateTime.ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        document.Info.Elements.SetString("/CreationDate", date);
        document.Info.Elements.SetString("/ModDate", date);
        return document;
    }

    /// <summary>The document's bytes; <paramref name="key"/> (e.g. the invoice number) fixes the file identifier.</summary>
    public static byte[] Save(PdfDocument document, string key)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(key);
        // Raw bytes, one per char, as PDFsharp's own identifiers; written as a hex string.
        var id = new string([.. SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray().Select(b => (char)b)]);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            StableSubsetName(dictionary, "/BaseFont");
            StableSubsetName(dictionary, "/FontName");
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        var bytes = stream.ToArray();
        StableXmpId(bytes, "<xmpMM:DocumentID>uuid:", key + "/document");
        StableXmpId(bytes, "<xmpMM:InstanceID>uuid:", key + "/instance");
        return bytes;
    }

    /// <summary>
    /// PDFsharp 6.2 writes the XMP metadata stream while saving, uncompressed, with two random UUIDs; each is overwritten
    /// in place by a UUID of the same length derived from <paramref name="seed"/>, so no offset or length changes.
    /// </summary>
    private static void StableXmpId(byte[] pdf, string marker, string seed)
    {
        var prefix = Encoding.ASCII.GetBytes(marker);
        var at = pdf.AsSpan().IndexOf(prefix);
        if (at < 0 || pdf.AsSpan(at + prefix.Length).IndexOf(prefix) >= 0)
        {
            throw new InvalidOperationException($"The PDF's XMP metadata has no single '{marker}': the PDFsharp version changed how it writes metadata.");
        }

        var uuid = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString("D", CultureInfo.InvariantCulture);
        Encoding.ASCII.GetBytes(uuid).CopyTo(pdf, at + prefix.Length);
    }

    /// <summary>Replaces PDFsharp's random six-letter subset tag (<c>/ABCDEF+DejaVuSans</c>) by one derived from the font name.</summary>
    private static void StableSubsetName(PdfDictionary dictionary, string key)
    {
        if (dictionary.Elements.GetName(key) is not { Length: > 0 } name || SubsetName().Match(name) is not { Success: true } match)
        {
            return;
        }

        var font = match.Groups[1].Value;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(font));
        var tag = new StringBuilder(6);
        for (var i = 0; i < 6; i++)
        {
            tag.Append((char)('A' + (hash[i] % 26)));
        }

        dictionary.Elements.SetName(key, string.Create(CultureInfo.InvariantCulture, $"/{tag}+{font}"));
    }

    [GeneratedRegex("^/[A-Z]{6}\\+(.+)$")]
    private static partial Regex SubsetName();
}
