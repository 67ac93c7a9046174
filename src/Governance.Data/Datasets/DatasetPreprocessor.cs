using System.Text;
using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Preprocessing;
using Governance.Core.Datasets.Records;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>What a preprocessing run did, as recorded in the new version's parameters.</summary>
public sealed record PreprocessingCounts(long Read, long Kept, long Changed, long DuplicatesRemoved, long TooShort, long TooLong);

/// <summary>
/// Makes a new version from a parent by applying a <see cref="PreprocessingPlan"/> record by record, in order: text
/// steps, then exact de-duplication on the hash of the result (the first occurrence stays), then the token-length
/// window. Streaming, in one transaction; the plan and the counts become the version's parameters.
/// </summary>
public sealed class DatasetPreprocessor(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    public async Task<(DatasetVersion Version, PreprocessingCounts Counts)> RunAsync(
        string name, int? number, PreprocessingPlan plan, string actor, CancellationToken cancellationToken = default)
    {
        plan.Validate();
        var (_, parent) = await catalog.FindAsync(name, number, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionRows.AddDerivedAsync(db, parent, "preprocess", new { from = parent.Number }, 0, new string('0', 64), actor,
            clock.GetUtcNow(), cancellationToken);

        var seen = new HashSet<UInt128>();
        long read = 0, changed = 0, duplicates = 0, tooShort = 0, tooLong = 0;
        using var hasher = new ContentHasher();
        await using (var store = new RecordStore(db, transaction, version.Id))
        {
            await foreach (var (_, json) in catalog.HashesAndLinesAsync(parent.Id, cancellationToken))
            {
                read++;
                var cleaned = TextNormalizer.Apply(Parse(json), plan);
                var canonical = CanonicalJson.Serialize(cleaned);
                var hash = CanonicalJson.LineHash(canonical);
                if (plan.Deduplicate && !seen.Add(UInt128.Parse(hash[..32], System.Globalization.NumberStyles.HexNumber))) { duplicates++; continue; }
                if (plan.MinTokens is not null || plan.MaxTokens is not null)
                {
                    var tokens = GptTokens.Count(cleaned.SearchableText);
                    if (tokens < plan.MinTokens) { tooShort++; continue; }
                    if (tokens > plan.MaxTokens) { tooLong++; continue; }
                }
                var line = Encoding.UTF8.GetString(canonical);
                if (line != json) changed++;
                hasher.AddCanonical(canonical);
                await store.AddAsync(hash, line, cancellationToken);
            }
        }
        var counts = new PreprocessingCounts(read, hasher.Count, changed, duplicates, tooShort, tooLong);
        var parameters = JsonSerializer.Serialize(new { from = parent.Number, plan, counts }, JsonSerializerOptions.Web);
        var contentHash = hasher.Finish();
        await db.DatasetVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(v => v
            .SetProperty(x => x.RecordCount, counts.Kept)
            .SetProperty(x => x.ContentHash, contentHash)
            .SetProperty(x => x.Parameters, parameters), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id, cancellationToken), counts);
    }

    private static DatasetRecord Parse(string canonicalJson)
    {
        using var document = JsonDocument.Parse(canonicalJson);
        return RecordParser.Parse(document.RootElement, out _)!;
    }
}
