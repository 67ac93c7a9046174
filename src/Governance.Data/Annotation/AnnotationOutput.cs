using System.Text;
using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Datasets;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Annotation;

/// <summary>
/// Merges a project's final answers into a new version of its dataset version (see <see cref="AnnotatedRecord"/>):
/// every record, or only the reviewed ones. Records keep their keys and splits, so a diff shows what annotation changed.
/// </summary>
public sealed class AnnotationOutput(IDbContextFactory<GovernanceDbContext> databases, AnnotationProjects projects, DatasetCatalog catalog, TimeProvider clock)
{
    /// <summary>The new version, with the count of records that carry final answers.</summary>
    public async Task<(DatasetVersion Version, long Annotated)> MergeAsync(string projectName, bool reviewedOnly, string actor, CancellationToken cancellationToken = default)
    {
        var summary = await projects.RulesAsync(projectName, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var finals = await db.AnnotationItems.AsNoTracking().Where(i => i.ProjectId == summary.Project.Id && i.FinalAnswers != null)
            .Select(i => new { i.Ordinal, i.FinalAnswers }).ToDictionaryAsync(i => i.Ordinal, i => i.FinalAnswers!, cancellationToken);
        if (finals.Count == 0) throw new ValidationError("project", $"Project '{projectName}' has no reviewed records yet: accept or adjudicate answers first.");
        var parent = await catalog.FindVersionAsync(summary.Project.DatasetVersionId, cancellationToken);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionRows.AddDerivedAsync(db, parent, "annotate", new { from = parent.Number }, 0, new string('0', 64), actor, clock.GetUtcNow(), cancellationToken);
        long written = 0;
        using var hasher = new ContentHasher();
        await using (var store = new RecordStore(db, transaction, version.Id))
        {
            await foreach (var entry in catalog.EntriesAsync(parent.Id, cancellationToken))
            {
                var annotated = finals.TryGetValue(entry.Ordinal, out var answers);
                if (reviewedOnly && !annotated) continue;
                var bytes = annotated
                    ? CanonicalJson.Serialize(AnnotatedRecord.Apply(RecordParser.ParseCanonical(entry.Json), summary.Questions, answers!))
                    : Encoding.UTF8.GetBytes(entry.Json);
                var line = annotated ? Encoding.UTF8.GetString(bytes) : entry.Json;
                var hash = annotated ? CanonicalJson.LineHash(bytes) : entry.Hash;
                hasher.AddCanonical(bytes);
                if (annotated) await store.StoreContentAsync(hash, line, cancellationToken);
                await store.AppendAsync(hash, line.Length, entry.Key, entry.Split, cancellationToken);
                written++;
            }
        }
        var parameters = JsonSerializer.Serialize(new { from = parent.Number, project = projectName, reviewedOnly, annotated = finals.Count }, JsonSerializerOptions.Web);
        await db.DatasetVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(v => v
            .SetProperty(x => x.RecordCount, written).SetProperty(x => x.ContentHash, hasher.Finish()).SetProperty(x => x.Parameters, parameters), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await db.DatasetVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id, cancellationToken), finals.Count);
    }
}
