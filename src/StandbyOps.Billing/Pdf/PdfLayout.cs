using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace StandbyOps.Billing.Pdf;

/// <summary>
/// Top-to-bottom text layout on A4 pages: headings, text blocks side by side and table rows, with a new page (and the
/// table's heading again) when the page is full. Every PDF of StandbyOps is drawn with it, in DejaVu Sans.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    private const double Margin = 50;
    private const double LineHeight = 11.5;

    private readonly PdfDocument _document;
    // Unicode (CID) fonts: any character of the data prints, not only the 256 of WinAnsi.
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly XFont _regular = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
    private readonly XFont _bold = new(PdfFonts.Family, 7.5, XFontStyleEx.Bold, Unicode);
    private readonly XFont _title = new(PdfFonts.Family, 15, XFontStyleEx.Bold, Unicode);
    private readonly string _footer;
    private XGraphics _graphics = null!;
    private PdfPage _page = null!;
    private IReadOnlyList<PdfColumn>? _table;
    private int _pages;
    private double _y;

    /// <summary>Starts the first page of <paramref name="document"/>; <paramref name="footer"/> is printed on every page with its number.</summary>
    public PdfLayout(PdfDocument document, string footer)
    {
        _document = document ?? throw new ArgumentNullException(nameof(document));
        _footer = footer ?? string.Empty;
        NewPage();
    }

    /// <summary>Width between the margins.</summary>
    public double Width => _page.Width.Point - (2 * Margin);

    /// <summary>A large bold title line.</summary>
    public void Title(string text)
    {
        Room(24);
        _graphics.DrawString(text, _title, XBrushes.Black, new XRect(Margin, _y, Width, 20), XStringFormats.TopLeft);
        _y += 26;
    }

    /// <summary>A paragraph, wrapped at word boundaries to the width between the margins.</summary>
    public void Text(string text, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = bold ? _bold : _regular;
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && _graphics.MeasureString(longer, font).Width > Width)
            {
                Line(line, bold);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        Line(line, bold);
    }

    /// <summary>Vertical space.</summary>
    public void Gap(double points = LineHeight) => _y += points;

    /// <summary>Blocks of lines side by side (e.g. seller and customer), each <c>Width / blocks</c> wide; the first line of each bold.</summary>
    public void Blocks(params IReadOnlyList<string>[] blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var rows = blocks.Max(b => b.Count);
        Room(rows * LineHeight);
        var width = Width / blocks.Length;
        for (var b = 0; b < blocks.Length; b++)
        {
            for (var i = 0; i < blocks[b].Count; i++)
            {
                Draw(blocks[b][i], Margin + (b * width), width - 10, bold: i == 0, right: false, _y + (i * LineHeight));
            }
        }

        _y += rows * LineHeight;
    }

    /// <summary>Starts a table: draws its heading row, and draws it again at the top of each further page.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns)
    {
        _table = columns ?? throw new ArgumentNullException(nameof(columns));
        Room(3 * LineHeight);
        Heading();
    }

    /// <summary>One table row of <paramref name="cells"/> (one per column), bold for totals.</summary>
    public void Row(IReadOnlyList<string> cells, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var columns = _table ?? throw new InvalidOperationException("Start a table before its rows.");
        if (_y + LineHeight > _page.Height.Point - Margin - LineHeight)
        {
            NewPage();
            Heading();
        }

        for (var i = 0; i < columns.Count && i < cells.Count; i++)
        {
            Draw(cells[i], Margin + columns[i].Left, columns[i].Width, bold, columns[i].Right);
        }

        _y += LineHeight;
    }

    /// <summary>Ends the current table.</summary>
    public void EndTable()
    {
        _table = null;
        _y += LineHeight / 2;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Footer();
        _graphics.Dispose();
    }

    private void Line(string text, bool bold)
    {
        Room(LineHeight);
        Draw(text, Margin, Width, bold, right: false);
        _y += LineHeight;
    }

    private void Heading()
    {
        foreach (var column in _table!)
        {
            Draw(column.Heading, Margin + column.Left, column.Width, bold: true, column.Right);
        }

        _y += LineHeight;
        _graphics.DrawLine(XPens.Black, Margin, _y - 2, Margin + Width, _y - 2);
        _y += 2;
    }

    private void Draw(string text, double x, double width, bool bold, bool right, double? y = null) =>
        _graphics.DrawString(text, bold ? _bold : _regular, XBrushes.Black, new XRect(x, y ?? _y, width, LineHeight), right ? XStringFormats.TopRight : XStringFormats.TopLeft);

    private void Room(double height)
    {
        if (_y + height > _page.Height.Point - Margin - LineHeight)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        if (_graphics is not null)
        {
            Footer();
            _graphics.Dispose();
        }

        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _pages++;
        _y = Margin;
    }

    private void Footer() =>
        _graphics.DrawString(
            $"{_footer} · page {_pages}",
            _regular,
            XBrushes.Gray,
            new XRect(Margin, _page.Height.Point - Margin, Width, LineHeight),
            XStringFormats.TopLeft);
}
