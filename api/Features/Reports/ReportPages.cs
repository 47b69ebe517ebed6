using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The A4 pages of a PDF report, written top to bottom: headings, wrapped paragraphs and tables, a new page whenever the
/// next block does not fit (a table repeats its header there), and each page's footer once the pages are counted.
/// </summary>
internal sealed class ReportPages(PdfDocument document)
{
    public const double Left = 50;
    public const double Width = 495;
    private const double Top = 50;
    private const double Bottom = 842 - 56;
    private const double CellPadding = 3;

    public static readonly XFont Body = ReportFonts.Regular(9.5);
    public static readonly XFont Small = ReportFonts.Regular(8);
    public static readonly XFont SmallBold = ReportFonts.Bold(8);
    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    public static readonly XColor Muted = XColor.FromArgb(96, 103, 112);
    public static readonly XColor Rule = XColor.FromArgb(206, 212, 218);

    private XGraphics? graphics;

    public XGraphics Graphics => graphics ?? NewPage();

    /// <summary>Where the next block starts on the current page.</summary>
    public double Y { get; set; }

    public XGraphics NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        return graphics;
    }

    /// <summary>
    /// A new page unless <paramref name="height"/> points still fit on this one, or this one is still empty (what is
    /// taller than a page then runs on); true when it turned the page.
    /// </summary>
    public bool Reserve(double height)
    {
        if (graphics is not null && (Y + height <= Bottom || Y <= Top)) return false;
        NewPage();
        return true;
    }

    public void Gap(double height) => Y += height;

    /// <summary>A section's title, kept with at least <paramref name="keepWith"/> points of what follows it.</summary>
    public void Heading(string text, double size = 13, double keepWith = 60)
    {
        var font = ReportFonts.Bold(size);
        Reserve(size * 1.6 + keepWith);
        Paragraph(text, font, Ink);
        Gap(4);
    }

    /// <summary>Text wrapped to the width, from <see cref="Y"/>; a line that does not fit goes on the next page.</summary>
    public void Paragraph(string text, XFont font, XColor color, double indent = 0)
    {
        var height = font.GetHeight();
        foreach (var line in Lines(text, font, Width - indent))
        {
            Reserve(height);
            Graphics.DrawString(line, font, new XSolidBrush(color), Left + indent, Y, XStringFormats.TopLeft);
            Y += height;
        }
    }

    /// <summary>Text broken into lines no wider than <paramref name="width"/>, at spaces; a word longer than a line is cut.</summary>
    public IReadOnlyList<string> Lines(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate, font, width))
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && !Fits(line, font, width))
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut], font, width)) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private bool Fits(string text, XFont font, double width) => Graphics.MeasureString(text, font).Width <= width;

    /// <summary>A table column: its header, width in points, and whether its cells are figures (aligned right).</summary>
    public sealed record Column(string Header, double Width, bool Figures = false);

    /// <summary>A row of a table: its cells, and whether it is a heading row (bold) or a sub-row (muted).</summary>
    public sealed record Row(IReadOnlyList<string> Cells, bool Bold = false, bool Muted = false);

    /// <summary>A table from <see cref="Y"/>: a bold header over a rule, rows wrapped within their cells, the header repeated on a new page.</summary>
    public void Table(IReadOnlyList<Column> columns, IEnumerable<Row> rows)
    {
        Reserve(48);
        DrawRow(new Row(columns.Select(column => column.Header).ToList(), Bold: true), columns, header: true);
        foreach (var row in rows)
        {
            if (Reserve(RowHeight(row, columns)))
                DrawRow(new Row(columns.Select(column => column.Header).ToList(), Bold: true), columns, header: true);
            DrawRow(row, columns, header: false);
        }
    }

    /// <summary>How tall a table would be, header included, to keep one that fits a page on one page.</summary>
    public double TableHeight(IReadOnlyList<Column> columns, IEnumerable<Row> rows) =>
        RowHeight(new Row(columns.Select(column => column.Header).ToList(), Bold: true), columns) + rows.Sum(row => RowHeight(row, columns));

    private double RowHeight(Row row, IReadOnlyList<Column> columns) =>
        columns.Select((column, i) => Lines(row.Cells[i], row.Bold ? SmallBold : Small, column.Width - 2 * CellPadding).Count).Max()
        * Small.GetHeight() + 2 * CellPadding;

    private void DrawRow(Row row, IReadOnlyList<Column> columns, bool header)
    {
        var font = row.Bold ? SmallBold : Small;
        var brush = new XSolidBrush(row.Muted ? Muted : Ink);
        var height = RowHeight(row, columns);
        var x = Left;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var y = Y + CellPadding;
            foreach (var line in Lines(row.Cells[i], font, column.Width - 2 * CellPadding))
            {
                if (column.Figures)
                    Graphics.DrawString(line, font, brush, x + column.Width - CellPadding, y, XStringFormats.TopRight);
                else
                    Graphics.DrawString(line, font, brush, x + CellPadding, y, XStringFormats.TopLeft);
                y += font.GetHeight();
            }
            x += column.Width;
        }
        Y += height;
        Graphics.DrawLine(new XPen(header ? Ink : Rule, header ? 0.8 : 0.4), Left, Y, Left + columns.Sum(column => column.Width), Y);
    }

    /// <summary>Each page's footer: <paramref name="text"/> on the left, the page number of the count on the right.</summary>
    public void Footers(string text, Func<int, int, string> pageOf)
    {
        graphics?.Dispose();
        graphics = null;
        for (var i = 0; i < document.PageCount; i++)
        {
            using var page = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var brush = new XSolidBrush(Muted);
            page.DrawLine(new XPen(Rule, 0.4), Left, Bottom + 14, Left + Width, Bottom + 14);
            page.DrawString(text, Small, brush, Left, Bottom + 18, XStringFormats.TopLeft);
            page.DrawString(pageOf(i + 1, document.PageCount), Small, brush, Left + Width, Bottom + 18, XStringFormats.TopRight);
        }
    }
}
