using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Core.Validation;

namespace Governance.Data.Datasets;

/// <summary>What a person supplies with a file: the dataset's datasheet facts and how to read the file.</summary>
public sealed record ImportRequest(
    string Name, string Source, string Licence, string CollectionPurpose, string FileName, ImportFormat Format, string Actor)
{
    /// <summary>Refuses a request with a blank fact, naming the field.</summary>
    public void Validate()
    {
        Require(Name, "name", "Give the dataset a name.");
        Require(Source, "source", "Say where the data came from.");
        Require(Licence, "licence", "Name the licence or terms of use.");
        Require(CollectionPurpose, "collectionPurpose", "Say what the data was collected for.");
        if (Name.Trim().Length > 200) throw new ValidationError("name", "Use a name of at most 200 characters.");
    }

    private static void Require(string value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ValidationError(field, message);
    }
}

/// <summary>The import's report, and the new dataset and its first version when the file was accepted.</summary>
public sealed record ImportOutcome(ImportReport Report, Dataset? Dataset, DatasetVersion? Version);
