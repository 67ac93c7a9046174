using Governance.Core.Datasets.Records;

namespace Governance.Core.Datasets.Import;

/// <summary>What reading an import file found. The file is accepted only when <see cref="Errors"/> is empty.</summary>
public sealed class ImportReport
{
    private readonly List<ImportError> _errors = [];
    private readonly SortedSet<string> _metadataFields = new(StringComparer.Ordinal);

    /// <summary>An empty report for a file of <paramref name="format"/> read under <paramref name="limits"/>.</summary>
    public ImportReport(ImportFormat format, ImportLimits limits) => (Format, Limits) = (format, limits);

    /// <summary>The format the file was read as.</summary>
    public ImportFormat Format { get; }

    /// <summary>The limits it was read under.</summary>
    public ImportLimits Limits { get; }

    /// <summary>The shape of the first good record; every other record must have it too.</summary>
    public RecordShape? Shape { get; private set; }

    /// <summary>Where <see cref="Shape"/> was decided.</summary>
    public long ShapeLine { get; private set; }

    /// <summary>Good records read.</summary>
    public long Records { get; private set; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Bad lines, in file order, at most <see cref="ImportLimits.MaxListedErrors"/> of them.</summary>
    public IReadOnlyList<ImportError> Errors => _errors;

    /// <summary>All bad lines, including those past the listing limit.</summary>
    public long ErrorCount { get; private set; }

    /// <summary>Fields kept as metadata because no shape uses them.</summary>
    public IReadOnlyCollection<string> MetadataFields => _metadataFields;

    /// <summary>True when the file has records and no bad line: only then may its records be kept.</summary>
    public bool Accepted => ErrorCount == 0 && Records > 0;

    /// <summary>A one-line verdict for people and logs.</summary>
    public string Summary => ErrorCount > 0
        ? $"Rejected: {ErrorCount} bad line(s) in {Format} file; nothing was imported. First: line {Errors[0].Line}: {Errors[0].Reason}."
        : Records == 0
            ? "Rejected: the file holds no records."
            : $"Accepted: {Records} {Shape} record(s) from a {Format} file of {Bytes} bytes.";

    internal void Fail(long line, string reason)
    {
        ErrorCount++;
        if (_errors.Count < Limits.MaxListedErrors) _errors.Add(new ImportError(line, reason));
    }

    /// <summary>Counts a good record, or fails it when its shape differs from the file's.</summary>
    internal bool Accept(long line, DatasetRecord record)
    {
        if (Shape is null) (Shape, ShapeLine) = (record.Shape, line);
        else if (record.Shape != Shape)
        {
            Fail(line, $"mixed shapes: this record is {record.Shape}, but line {ShapeLine} made the file {Shape}");
            return false;
        }
        foreach (var key in record.Metadata.Keys) _metadataFields.Add(key);
        Records++;
        return true;
    }
}
