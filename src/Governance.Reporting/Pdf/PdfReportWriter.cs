using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Governance.Reporting.Pdf;

/// <summary>
/// A small flowing layout over PDFsharp: title, headings, wrapped paragraphs and tables that continue on the next
/// page, with a footer on every page. Every report of the product is written with it.
/// </summary>
public sealed class PdfReportWriter
{
    private const double Margin = 50, FooterHeight = 30, CellPadding = 4;
    private readonly PdfDocument _document = new();
    private readonly XFont _body, _bold, _title, _heading, _small;
    private readonly string _footer;
    private XGraphics? _page;
    private double _y;

    public PdfReportWriter(string title, string footer)
    {
        InstalledFontResolver.EnsureInstalled();
        _document.Info.Title = title;
        _document.Info.Creator = "Governance portal";
        _footer = footer;
        _body = new XFont(InstalledFontResolver.Family, 10);
        _bold = new XFont(InstalledFontResolver.Family, 10, XFontStyleEx.Bold);
        _title = new XFont(InstalledFontResolver.Family, 20, XFontStyleEx.Bold);
        _heading = new XFont(InstalledFontResolver.Family, 13, XFontStyleEx.Bold);
        _small = new XFont(InstalledFontResolver.Family, 8);
        NewPage();
        Write(title, _title, 28);
    }

    private double Width => _document.Pages[^1].Width.Point - 2 * Margin;

    private double Bottom => _document.Pages[^1].Height.Point - Margin - FooterHeight;

    public PdfReportWriter Heading(string text)
    {
        if (_y + 60 > Bottom) NewPage();
        _y += 8;
        return Write(text, _heading, 20);
    }

    public PdfReportWriter Paragraph(string text)
    {
        foreach (var line in Wrap(text, _body, Width)) Write(line, _body, 14);
        _y += 4;
        return this;
    }

    /// <summary>A table with equal columns unless <paramref name="widths"/> (fractions of the page width) is given.</summary>
    public PdfReportWriter Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double>? widths = null)
    {
        var columns = (widths ?? Enumerable.Repeat(1.0 / headers.Count, headers.Count).ToList()).Select(w => w * Width).ToList();
        Row(headers, columns, _bold, XBrushes.LightGray);
        foreach (var row in rows)
        {
            if (_y + 3 * 14 > Bottom)
            {
                NewPage();
                Row(headers, columns, _bold, XBrushes.LightGray);
            }
            Row(row, columns, _body, null);
        }
        _y += 8;
        return this;
    }

    public byte[] ToBytes()
    {
        FinishPage();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Row(IReadOnlyList<string> cells, IReadOnlyList<double> columns, XFont font, XBrush? fill)
    {
        var lines = cells.Select((c, i) => Wrap(c, font, columns[i] - 2 * CellPadding)).ToList();
        var height = lines.Max(l => l.Count) * 13 + 2 * CellPadding;
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            var box = new XRect(x, _y, columns[i], height);
            if (fill is not null) _page!.DrawRectangle(fill, box);
            _page!.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
            for (var l = 0; l < lines[i].Count; l++)
                _page.DrawString(lines[i][l], font, XBrushes.Black, new XPoint(x + CellPadding, _y + CellPadding + 10 + l * 13));
            x += columns[i];
        }
        _y += height;
    }

    private PdfReportWriter Write(string line, XFont font, double height)
    {
        if (_y + height > Bottom) NewPage();
        _page!.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + height * 0.75));
        _y += height;
        return this;
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && _page!.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else current = candidate;
            }
            lines.Add(current);
        }
        return lines;
    }

    private void NewPage()
    {
        FinishPage();
        _page = XGraphics.FromPdfPage(_document.AddPage());
        _y = Margin;
    }

    private void FinishPage()
    {
        if (_page is null) return;
        var page = _document.Pages[^1];
        _page.DrawString($"{_footer} - page {_document.PageCount}", _small, XBrushes.Gray,
            new XPoint(Margin, page.Height.Point - Margin));
        _page.Dispose();
        _page = null;
    }
}
