using System.Text;
using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Records;
using Governance.Core.Datasets.Redaction;
using Governance.Core.Pii;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>What an anonymization did: records read and changed, findings rewritten by type (never a value).</summary>
public sealed record RedactionCounts(long Read, long Changed, IReadOnlyDictionary<string, long> ByType);

/// <summary>
/// Makes a new version with the personal data of every record rewritten by one operator (redact, replace, mask, keyed
/// hash, consistent pseudonyms), streaming, in one transaction. Records keep their keys and splits, so a diff shows
/// exactly the records that changed; the operator, threshold and counts by type are the version's parameters.
/// </summary>
public sealed class DatasetRedactor(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    public async Task<(DatasetVersion Version, RedactionCounts Counts)> RunAsync(string name, int? number, AnonymizationOperator @operator,
        double threshold, byte[]? key, string actor, CancellationToken cancellationToken = default)
    {
        var scanner = new PiiScanner(new PiiSettings(threshold));
        var redactor = new RecordRedactor(scanner, new PiiAnonymizer(@operator, key));
        var (_, parent) = await catalog.FindAsync(name, number, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionRows.AddDerivedAsync(db, parent, "redact", new { from = parent.Number }, 0, new string('0', 64), actor,
            clock.GetUtcNow(), cancellationToken);
        long read = 0, changed = 0;
        using var hasher = new ContentHasher();
        await using (var store = new RecordStore(db, transaction, version.Id))
        {
            await foreach (var entry in catalog.EntriesAsync(parent.Id, cancellationToken))
            {
                read++;
                var cleaned = redactor.Apply(Core.Datasets.Import.RecordParser.ParseCanonical(entry.Json));
                var canonical = CanonicalJson.Serialize(cleaned);
                var line = Encoding.UTF8.GetString(canonical);
                if (line != entry.Json) changed++;
                hasher.AddCanonical(canonical);
                await store.StoreContentAsync(CanonicalJson.LineHash(canonical), line, cancellationToken);
                await store.AppendAsync(CanonicalJson.LineHash(canonical), line.Length, entry.Key, entry.Split, cancellationToken);
            }
        }
        var counts = new RedactionCounts(read, changed, redactor.Counts);
        var parameters = JsonSerializer.Serialize(new
        {
            from = parent.Number, @operator = @operator.ToString().ToLowerInvariant(), threshold, recordsChanged = changed, findings = redactor.Counts,
        }, JsonSerializerOptions.Web);
        await db.DatasetVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(v => v
            .SetProperty(x => x.RecordCount, read)
            .SetProperty(x => x.ContentHash, hasher.Finish())
            .SetProperty(x => x.Parameters, parameters), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id, cancellationToken), counts);
    }
}
