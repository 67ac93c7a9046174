using System.Text;
using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Preprocessing;
using Governance.Core.Datasets.Records;
using Governance.Core.Datasets.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>What a preprocessing run did, as recorded in the new version's parameters.</summary>
public sealed record PreprocessingCounts(
    long Read, long Kept, long Changed, long DuplicatesRemoved, long TooShort, long TooLong, long NearDuplicatesRemoved = 0);

/// <summary>What a preprocessing run made: the version, the counts, and the near-duplicate pairs that removed records.</summary>
public sealed record PreprocessingOutcome(DatasetVersion Version, PreprocessingCounts Counts, IReadOnlyList<NearDuplicatePair> NearDuplicates);

/// <summary>
/// Makes a new version from a parent by applying a <see cref="PreprocessingPlan"/> record by record, in order: text
/// steps, then exact de-duplication on the hash of the result (the first occurrence stays), then the token-length
/// window, then, when asked, near-duplicate removal (the later record of a pair goes while the earlier stays; this
/// needs a first pass over the parent). Streaming, in one transaction; records keep their keys; the plan, the counts
/// and the first removed pairs become the version's parameters.
/// </summary>
public sealed class DatasetPreprocessor(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    /// <summary>How many removed near-duplicate pairs the version's parameters list; the count covers all.</summary>
    public const int RecordedPairs = 100;

    public async Task<PreprocessingOutcome> RunAsync(
        string name, int? number, PreprocessingPlan plan, string actor, CancellationToken cancellationToken = default)
    {
        plan.Validate();
        var (_, parent) = await catalog.FindAsync(name, number, cancellationToken);
        IReadOnlyList<NearDuplicatePair> pairs = [];
        HashSet<long> nearDuplicates = [];
        if (plan.NearDuplicateThreshold is { } threshold)
        {
            var finder = new NearDuplicateFinder(threshold);
            await foreach (var survivor in SurvivorsAsync(parent, plan, new Tally(), cancellationToken)) finder.Add(survivor.Record.SearchableText);
            pairs = finder.Find();
            nearDuplicates = NearDuplicateFinder.LaterMembers(pairs);
            pairs = [.. pairs.Where(p => nearDuplicates.Contains(p.Second))];
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionRows.AddDerivedAsync(db, parent, "preprocess", new { from = parent.Number }, 0, new string('0', 64), actor,
            clock.GetUtcNow(), cancellationToken);
        var tally = new Tally();
        long index = 0, removed = 0;
        using var hasher = new ContentHasher();
        await using (var store = new RecordStore(db, transaction, version.Id))
        {
            await foreach (var survivor in SurvivorsAsync(parent, plan, tally, cancellationToken))
            {
                if (nearDuplicates.Contains(index++)) { removed++; continue; }
                var line = Encoding.UTF8.GetString(survivor.Canonical);
                if (line != survivor.Source.Json) tally.Changed++;
                hasher.AddCanonical(survivor.Canonical);
                await store.AddAsync(survivor.Hash, line, survivor.Source.Key, cancellationToken);
            }
        }
        var counts = new PreprocessingCounts(tally.Read, hasher.Count, tally.Changed, tally.Duplicates, tally.TooShort, tally.TooLong, removed);
        // Pairs name records by their position in the parent, as people see them there (1-based).
        var recorded = pairs.Take(RecordedPairs).Select(p => new { kept = p.First + 1, removed = p.Second + 1, similarity = p.Similarity });
        var parameters = JsonSerializer.Serialize(new { from = parent.Number, plan, counts, nearDuplicatePairs = recorded }, JsonSerializerOptions.Web);
        var contentHash = hasher.Finish();
        await db.DatasetVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(v => v
            .SetProperty(x => x.RecordCount, counts.Kept)
            .SetProperty(x => x.ContentHash, contentHash)
            .SetProperty(x => x.Parameters, parameters), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var made = await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id, cancellationToken);
        return new PreprocessingOutcome(made, counts, pairs);
    }

    private sealed class Tally
    {
        public long Read, Changed, Duplicates, TooShort, TooLong;
    }

    private sealed record Survivor(EntryLine Source, DatasetRecord Record, byte[] Canonical, string Hash);

    /// <summary>The parent's records after the text steps, exact de-duplication and the length window, in order.</summary>
    private async IAsyncEnumerable<Survivor> SurvivorsAsync(DatasetVersion parent, PreprocessingPlan plan, Tally tally,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<UInt128>();
        await foreach (var entry in catalog.EntriesAsync(parent.Id, cancellationToken))
        {
            tally.Read++;
            var cleaned = TextNormalizer.Apply(RecordParser.ParseCanonical(entry.Json), plan);
            var canonical = CanonicalJson.Serialize(cleaned);
            var hash = CanonicalJson.LineHash(canonical);
            if (plan.Deduplicate && !seen.Add(UInt128.Parse(hash.AsSpan(0, 32), System.Globalization.NumberStyles.HexNumber))) { tally.Duplicates++; continue; }
            if (plan.MinTokens is not null || plan.MaxTokens is not null)
            {
                var tokens = GptTokens.Count(cleaned.SearchableText);
                if (tokens < plan.MinTokens) { tally.TooShort++; continue; }
                if (tokens > plan.MaxTokens) { tally.TooLong++; continue; }
            }
            yield return new Survivor(entry, cleaned, canonical, hash);
        }
    }
}
