using Governance.Core.Validation;

namespace Governance.Core.Datasets.Import;

/// <summary>Which reader a file needs.</summary>
public static class ImportFormats
{
    /// <summary>The format a file name implies: .jsonl/.json, .csv, .txt/.text/.md.</summary>
    public static ImportFormat FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".jsonl" or ".json" or ".ndjson" => ImportFormat.Jsonl,
        ".csv" => ImportFormat.Csv,
        ".txt" or ".text" or ".md" => ImportFormat.Text,
        var other => throw new ValidationError("file",
            $"'{fileName}' has the extension '{other}'; use .jsonl, .csv or .txt, or name the format explicitly."),
    };
}
