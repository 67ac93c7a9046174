namespace Governance.Core.Datasets.Export;

/// <summary>The forms a version can be exported in.</summary>
public enum ExportFormat
{
    /// <summary>Canonical JSONL with metadata: its SHA-256 is the version's content hash.</summary>
    Canonical,

    /// <summary>JSONL as TRL's trainers read it (prompt/completion, messages, prompt/chosen/rejected, text), without metadata.</summary>
    Trl,

    /// <summary>CSV with a header; cells that a spreadsheet would run as a formula are escaped.</summary>
    Csv,

    /// <summary>A Hugging Face datasets folder: TRL JSONL per split under data/, and a README.md dataset card.</summary>
    HuggingFace,
}
