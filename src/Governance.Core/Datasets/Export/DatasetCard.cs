using System.Text;
using System.Text.RegularExpressions;
using Governance.Core.Datasets.Splits;

namespace Governance.Core.Datasets.Export;

/// <summary>
/// The README.md of a Hugging Face datasets folder: a YAML header naming the licence and each split's file (so that
/// `datasets.load_dataset(folder)` finds them), then the datasheet facts and the version's lineage in prose.
/// </summary>
public static partial class DatasetCard
{
    /// <summary>The card for <paramref name="version"/> of <paramref name="dataset"/> with its files and record counts per split.</summary>
    public static string Render(Dataset dataset, DatasetVersion version, IReadOnlyList<(Split Split, string Path, long Records)> files)
    {
        var licence = LicenceId().IsMatch(dataset.Licence) ? dataset.Licence.ToLowerInvariant() : "other";
        var card = new StringBuilder();
        card.Append("---\n");
        card.Append($"license: {licence}\n");
        if (licence == "other") card.Append($"license_name: {Quote(dataset.Licence)}\n");
        card.Append($"pretty_name: {Quote(dataset.Name)}\n");
        card.Append("configs:\n- config_name: default\n  data_files:\n");
        foreach (var (split, path, _) in files) card.Append($"  - split: {split.ToString().ToLowerInvariant()}\n    path: {path}\n");
        card.Append("---\n\n");
        card.Append($"# {dataset.Name}\n\n");
        card.Append($"- Source: {dataset.Source}\n- Licence: {dataset.Licence}\n- Collected for: {dataset.CollectionPurpose}\n");
        card.Append($"- Version: {version.Number}, made by {version.Operation} ({version.Parameters}) by {version.CreatedBy} on {version.CreatedUtc:u}\n");
        card.Append($"- Record shape: {version.Shape}; {version.RecordCount} records\n");
        card.Append($"- Content hash (SHA-256 of the canonical JSONL export): `{version.ContentHash}`\n\n");
        card.Append("| split | file | records |\n|---|---|---|\n");
        foreach (var (split, path, records) in files) card.Append($"| {split.ToString().ToLowerInvariant()} | `{path}` | {records} |\n");
        return card.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").ReplaceLineEndings(" ") + "\"";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.+-]*$")]
    private static partial Regex LicenceId();
}
