namespace Governance.Core.Datasets.Import;

/// <summary>The limits an import file must respect; each has a setting (docs/configuration.md).</summary>
/// <param name="MaxFileBytes">Largest file accepted (Datasets:MaxUploadBytes, default 2 GiB).</param>
/// <param name="MaxLineBytes">Longest line accepted (Datasets:MaxLineBytes, default 1 MiB).</param>
/// <param name="MaxListedErrors">Bad lines listed one by one; past this only their count grows.</param>
public sealed record ImportLimits(long MaxFileBytes = 2L << 30, int MaxLineBytes = 1 << 20, int MaxListedErrors = 10_000)
{
    /// <summary>The defaults: 2 GiB files, 1 MiB lines, 10,000 listed errors.</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>The limits from settings, with the defaults above where unset.</summary>
    public static ImportLimits Read(Configuration.SettingReader settings) => new(
        settings.PositiveLong(Configuration.SettingNames.DatasetMaxUploadBytes, Default.MaxFileBytes),
        settings.PositiveInt(Configuration.SettingNames.DatasetMaxLineBytes, Default.MaxLineBytes));

    /// <summary>Refuses an empty file or one over <see cref="MaxFileBytes"/>, naming the setting to raise.</summary>
    public void CheckFileSize(long bytes)
    {
        if (bytes == 0) throw new Validation.ValidationError("file", "The file is empty (0 bytes).");
        if (bytes > MaxFileBytes)
            throw new Validation.ValidationError("file",
                $"The file is {bytes:N0} bytes; the limit is {MaxFileBytes:N0} (setting Datasets:MaxUploadBytes).");
    }
}

/// <summary>A file format the importer reads.</summary>
public enum ImportFormat
{
    /// <summary>One JSON object per line.</summary>
    Jsonl,

    /// <summary>RFC 4180 CSV with a header row; quoted fields may span lines.</summary>
    Csv,

    /// <summary>Plain text; records are separated by blank lines.</summary>
    Text,
}

/// <summary>One bad line of an import file.</summary>
/// <param name="Line">The 1-based line number (the first line of a multi-line record).</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
public sealed record ImportError(long Line, string Reason);
