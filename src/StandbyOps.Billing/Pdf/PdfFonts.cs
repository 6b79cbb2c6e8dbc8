using PdfSharp.Fonts;

namespace StandbyOps.Billing.Pdf;

/// <summary>
/// The one font every PDF of StandbyOps uses: DejaVu Sans (regular and bold) from Debian's <c>fonts-dejavu-core</c>
/// (<c>/usr/share/fonts/truetype/dejavu</c>; the Dockerfile and <c>.ci/run</c> install it). PDFsharp 6 finds no fonts
/// on Linux by itself, so this resolver is installed once, process-wide, before the first document is drawn.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name documents ask for.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>Where Debian installs the font files.</summary>
    public const string Directory = "/usr/share/fonts/truetype/dejavu";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private PdfFonts()
    {
    }

    /// <summary>Installs the resolver unless it is installed already; the same instance every time, as PDFsharp requires.</summary>
    /// <exception cref="InvalidOperationException">The font files are missing (install <c>fonts-dejavu-core</c>).</exception>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            foreach (var face in new[] { RegularFace, BoldFace })
            {
                var path = Path.Combine(Directory, face + ".ttf");
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"The PDF font {path} is missing: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core).");
                }

                Instance._files[face] = File.ReadAllBytes(path);
            }

            GlobalFontSettings.FontResolver = Instance;
            _installed = true;
        }
    }

    /// <inheritdoc/>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? BoldFace : RegularFace) : null;

    /// <inheritdoc/>
    public byte[]? GetFont(string faceName) => _files.TryGetValue(faceName, out var bytes) ? bytes : null;
}
