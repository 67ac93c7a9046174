using System.Text.Json;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Splits;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>
/// Makes a new version that holds the same records as its parent, in the same order, each assigned to train,
/// validation or test by <see cref="SplitAssigner"/>. The records, and so the content hash, are unchanged; the plan
/// (fractions, seed, stratification) is the version's parameters, so the split can be recomputed.
/// </summary>
public sealed class DatasetSplitter(IDbContextFactory<GovernanceDbContext> databases, DatasetCatalog catalog, TimeProvider clock)
{
    public async Task<DatasetVersion> SplitAsync(string name, int? number, SplitPlan plan, string actor, CancellationToken cancellationToken = default)
    {
        plan.Validate();
        var (_, parent) = await catalog.FindAsync(name, number, cancellationToken);
        var entries = new List<(string Hash, long Key, int Length)>((int)Math.Min(parent.RecordCount, int.MaxValue));
        var strata = new List<string?>(entries.Capacity);
        await foreach (var entry in catalog.EntriesAsync(parent.Id, cancellationToken))
        {
            entries.Add((entry.Hash, entry.Key, entry.Json.Length));
            strata.Add(Stratum(entry.Json));
        }
        var splits = SplitAssigner.Assign(strata, plan);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionRows.AddDerivedAsync(db, parent, "split",
            new { from = parent.Number, train = plan.Train, validation = plan.Validation, test = plan.Test, seed = plan.Seed, stratify = plan.Stratify },
            parent.RecordCount, parent.ContentHash, actor, clock.GetUtcNow(), cancellationToken);
        await using (var store = new RecordStore(db, transaction, version.Id))
        {
            for (var i = 0; i < entries.Count; i++) await store.AppendAsync(entries[i].Hash, entries[i].Length, entries[i].Key, splits[i], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    /// <summary>The label (or sorted label set) of a classification record; null for other shapes.</summary>
    private static string? Stratum(string canonicalJson)
    {
        var labels = RecordParser.ParseCanonical(canonicalJson).Labels;
        return labels is null ? null : string.Join("|", labels.Order(StringComparer.Ordinal));
    }
}
