using System.Text;
using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// Edits one record's metadata by making a new version: the parent's entries copied in one statement, with the
/// edited record's entry pointing at its new content and keeping its key and split. The content hash is recomputed
/// from the parent's lines with the edited one in place. The parameters name the record and the fields that changed
/// (names only: values may be personal data).
/// </summary>
public sealed class RecordEditor(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    /// <summary>Replaces the metadata of the record at 1-based <paramref name="record"/> with the JSON object <paramref name="metadataJson"/>.</summary>
    public async Task<DatasetVersion> EditMetadataAsync(string name, int? number, long record, string metadataJson, string actor,
        CancellationToken cancellationToken = default)
    {
        var metadata = ParseMetadata(metadataJson);
        var (_, parent) = await catalog.FindAsync(name, number, cancellationToken);
        if (record < 1 || record > parent.RecordCount)
            throw new ValidationError("record", $"Version {parent.Number} has records 1 to {parent.RecordCount}; there is no record {record}.");
        var ordinal = record - 1;

        DatasetRecord? edited = null;
        string? editedJson = null, editedHash = null;
        var changedFields = new List<string>();
        using var hasher = new ContentHasher();
        await foreach (var entry in catalog.EntriesAsync(parent.Id, cancellationToken))
        {
            if (entry.Ordinal != ordinal) { hasher.AddCanonical(Encoding.UTF8.GetBytes(entry.Json)); continue; }
            var original = Core.Datasets.Import.RecordParser.ParseCanonical(entry.Json);
            edited = original with { Metadata = metadata };
            var canonical = CanonicalJson.Serialize(edited);
            editedJson = Encoding.UTF8.GetString(canonical);
            editedHash = CanonicalJson.LineHash(canonical);
            hasher.AddCanonical(canonical);
            changedFields.AddRange(metadata.Keys.Union(original.Metadata.Keys).Order(StringComparer.Ordinal).Where(k =>
                !original.Metadata.TryGetValue(k, out var before) || !metadata.TryGetValue(k, out var after) || before.GetRawText() != after.GetRawText()));
        }
        if (editedHash is null || edited is null) throw new ValidationError("record", $"Record {record} was not found in version {parent.Number}.");
        if (changedFields.Count == 0) throw new ValidationError("metadata", "The metadata is unchanged: there is nothing to save.");

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionRows.AddDerivedAsync(db, parent, "edit-metadata",
            new { from = parent.Number, record, fields = changedFields }, parent.RecordCount, hasher.Finish(), actor, clock.GetUtcNow(), cancellationToken);
        await using (var store = new RecordStore(db, transaction, version.Id)) await store.StoreContentAsync(editedHash, editedJson!, cancellationToken);
        await VersionRows.CopyEntriesAsync(db, parent.Id, version.Id, ordinal, editedHash, editedJson!.Length, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    private static SortedDictionary<string, JsonElement> ParseMetadata(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json); }
        catch (JsonException e)
        {
            throw new ValidationError("metadata", $"The metadata is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): fix it and save again.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ValidationError("metadata", "Metadata must be a JSON object, e.g. {\"source\": \"faq\"}.");
            var fields = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
                if (!fields.TryAdd(property.Name, property.Value.Clone()))
                    throw new ValidationError("metadata", $"The field '{property.Name}' appears twice.");
            return fields;
        }
    }
}
