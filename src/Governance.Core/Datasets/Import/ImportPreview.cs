using System.Text;

namespace Governance.Core.Datasets.Import;

/// <summary>
/// What a file holds, judged from its first bytes before anything is uploaded: the format by its name, then the
/// shape, metadata fields and any bad lines of the complete lines it was given. The import itself
/// still checks every line.
/// </summary>
public static class ImportPreview
{
    /// <summary>How much of the file the browser reads for the preview.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>Reads the complete lines of <paramref name="head"/>, the start of the file <paramref name="fileName"/>.</summary>
    public static async Task<ImportReport> ReadAsync(string fileName, string head, bool wholeFile, ImportLimits limits)
    {
        var format = ImportFormats.FromFileName(fileName);
        // A cut-off last line is not judged; the whole file ends where it ends.
        var complete = wholeFile ? head : head[..(head.LastIndexOf('\n') + 1)];
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(complete));
        return await DatasetFileReader.ReadAsync(input, format, limits, _ => ValueTask.CompletedTask);
    }
}
