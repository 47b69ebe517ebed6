using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The typeface of the PDF reports, DejaVu Sans, read from the API assembly (api/Resources/Fonts, with its licence):
/// PDFsharp finds no font by itself on Linux, and a report must look the same on any server. Every family asked for
/// resolves to it, so no text can fall back to a font missing from the document; PDFsharp embeds the glyphs used, and
/// the Unicode encoding keeps every letter (French accents, typographic spaces) readable and searchable.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    private const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    // PDFsharp takes one resolver per process, set before its first font: the static constructor sets it once.
    private static readonly ReportFonts Resolver = new();

    static ReportFonts() => GlobalFontSettings.FontResolver = Resolver;

    public static XFont Regular(double size) => Font(size, XFontStyleEx.Regular);

    public static XFont Bold(double size) => Font(size, XFontStyleEx.Bold);

    private static XFont Font(double size, XFontStyleEx style) => new(Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? BoldFace : RegularFace, false, italic);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"fonts/{faceName}.ttf")
                           ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the API assembly (see api/Resources/Fonts).");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
