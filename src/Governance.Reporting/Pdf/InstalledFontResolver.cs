using PdfSharp.Fonts;

namespace Governance.Reporting.Pdf;

/// <summary>
/// PDFsharp has no font source of its own on Linux: reports use DejaVu Sans or Liberation Sans from the system,
/// subset and embedded in each PDF.
/// </summary>
public sealed class InstalledFontResolver : IFontResolver
{
    public const string Family = "Report";

    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
    ];

    private static readonly Lazy<string[]> Files = new(() =>
        Candidates.FirstOrDefault(pair => pair.All(File.Exists)) ?? throw new ReportFontsMissingException());

    private static readonly object Gate = new();

    /// <summary>Installs this resolver for the process once; PDFsharp allows only one.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not InstalledFontResolver)
                GlobalFontSettings.FontResolver = new InstalledFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "report-bold" : "report-regular");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Files.Value[faceName == "report-bold" ? 1 : 0]);
}

/// <summary>No usable font is installed; the message names the package to install.</summary>
public sealed class ReportFontsMissingException() : Exception(
    "PDF reports need DejaVu Sans or Liberation Sans: install the Debian package fonts-dejavu-core (or fonts-liberation2).");
