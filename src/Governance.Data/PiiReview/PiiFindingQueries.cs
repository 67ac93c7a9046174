using System.Text.RegularExpressions;
using Governance.Core.PiiReview;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.PiiReview;

/// <summary>
/// Reads a version's findings with their decisions: pages for review, counts per type and field, and the blocking
/// findings not dismissed, which the release workflow gates on. Only the findings of a succeeded audit count.
/// </summary>
public sealed partial class PiiFindingQueries(IDbContextFactory<GovernanceDbContext> databases, PiiBlockingTypes blocking)
{
    /// <summary>One page of findings in record, field and offset order; added ones among them.</summary>
    public async Task<(long Total, IReadOnlyList<ReviewedFinding> Findings)> PageAsync(Guid versionId, PiiFindingQuery query, CancellationToken cancellationToken = default)
    {
        query.Validate();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await AuditedAsync(db, versionId, cancellationToken)) return (0, []);
        var rows = Reviewed(db, versionId);
        if (query.Type is not null) rows = rows.Where(r => r.Type == query.Type);
        if (query.Recognizer is not null) rows = rows.Where(r => r.Recognizer == query.Recognizer);
        if (query.UnreviewedOnly) rows = rows.Where(r => r.Decision == null);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.Ordinal).ThenBy(r => r.Field).ThenBy(r => r.Start).ThenBy(r => r.Type)
            .Skip(query.Page * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        return (total, [.. page.Select(r => new ReviewedFinding(new PiiFindingKey(r.Ordinal, r.Field, r.Start, r.End, r.Type), r.Score, r.Recognizer, r.Decision, r.DecidedBy, r.DecidedUtc))]);
    }

    /// <summary>Counts per type and field by decision, the blocking findings not dismissed, and the residual after redaction.</summary>
    public async Task<PiiReviewSummary> SummaryAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var groups = !await AuditedAsync(db, versionId, cancellationToken) ? [] : await Reviewed(db, versionId)
            .GroupBy(r => new { r.Type, r.Field, r.Decision }).Select(g => new { g.Key.Type, g.Key.Field, g.Key.Decision, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var counts = groups.GroupBy(g => (g.Type, Field: ArrayIndex().Replace(g.Field, "[]"))).Select(g => new PiiReviewCount(g.Key.Type, g.Key.Field,
                g.Where(x => x.Decision is PiiDecision.Confirmed or PiiDecision.Added).Sum(x => x.Count), g.Where(x => x.Decision == PiiDecision.Dismissed).Sum(x => x.Count),
                g.Where(x => x.Decision == null).Sum(x => x.Count), blocking.Types.Contains(g.Key.Type)))
            .OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Field, StringComparer.Ordinal).ToList();
        return new PiiReviewSummary(counts, await UnresolvedBlockingAsync(versionId, cancellationToken), blocking.Types, await ResidualAsync(db, versionId, cancellationToken));
    }

    /// <summary>
    /// The findings of blocking types in the version that nobody dismissed (unreviewed, confirmed or added); null when
    /// the version has no succeeded PII audit, which blocks as well. Zero is what a release needs.
    /// </summary>
    public async Task<long?> UnresolvedBlockingAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await AuditedAsync(db, versionId, cancellationToken)) return null;
        var types = blocking.Types.ToList();
        return await Reviewed(db, versionId).LongCountAsync(r => types.Contains(r.Type) && r.Decision != PiiDecision.Dismissed, cancellationToken);
    }

    /// <summary>The text fields of the records at <paramref name="ordinals"/>, by record and field path, for showing findings in place.</summary>
    public async Task<IReadOnlyDictionary<(long Ordinal, string Field), string>> TextsAsync(Guid versionId, IReadOnlyCollection<long> ordinals, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var records = await db.VersionEntries.Where(e => e.VersionId == versionId && ordinals.Contains(e.Ordinal))
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (e, c) => new { e.Ordinal, c.Json }).ToListAsync(cancellationToken);
        return records.SelectMany(r => PiiReviews.Fields.Strings(r.Json, r.Ordinal + 1, "record").Select(f => (Key: (r.Ordinal, f.Field), f.Text)))
            .DistinctBy(f => f.Key).ToDictionary(f => f.Key, f => f.Text);
    }

    private async Task<PiiResidual?> ResidualAsync(GovernanceDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        var redacted = await db.DatasetVersions.AsNoTracking().Where(v => v.ParentId == versionId && v.Operation == "redact")
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (redacted is null) return null;
        var run = await db.PiiAuditRuns.AsNoTracking().SingleOrDefaultAsync(r => r.VersionId == redacted.Id, cancellationToken);
        return new PiiResidual(redacted.Number, run?.State.ToString() ?? "not audited", DatasetPiiAudits.Read(run)?.Findings,
            await UnresolvedBlockingAsync(redacted.Id, cancellationToken));
    }

    private static Task<bool> AuditedAsync(GovernanceDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        db.PiiAuditRuns.AnyAsync(r => r.VersionId == versionId && r.State == RunState.Succeeded, cancellationToken);

    /// <summary>The audit's findings with their decisions, and the findings reviewers added.</summary>
    private static IQueryable<ReviewedRow> Reviewed(GovernanceDbContext db, Guid versionId)
    {
        var found = from f in db.PiiFindings.Where(f => f.VersionId == versionId)
                    join d in db.PiiDecisions on new { f.VersionId, f.Ordinal, f.Field, f.Start, f.End, f.Type }
                        equals new { d.VersionId, d.Ordinal, d.Field, d.Start, d.End, d.Type } into decisions
                    from d in decisions.DefaultIfEmpty()
                    select new ReviewedRow
                    {
                        Ordinal = f.Ordinal, Field = f.Field, Start = f.Start, End = f.End, Type = f.Type, Score = f.Score, Recognizer = f.Recognizer,
                        Decision = d == null ? null : d.Decision, DecidedBy = d == null ? null : d.DecidedBy, DecidedUtc = d == null ? null : d.DecidedUtc,
                    };
        var added = db.PiiDecisions.Where(d => d.VersionId == versionId && d.Decision == PiiDecision.Added).Select(d => new ReviewedRow
        {
            Ordinal = d.Ordinal, Field = d.Field, Start = d.Start, End = d.End, Type = d.Type, Score = null, Recognizer = PiiReviews.ReviewerRecognizer,
            Decision = d.Decision, DecidedBy = d.DecidedBy, DecidedUtc = d.DecidedUtc,
        });
        return found.Concat(added);
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();

    private sealed class ReviewedRow
    {
        public long Ordinal { get; init; }
        public string Field { get; init; } = "";
        public int Start { get; init; }
        public int End { get; init; }
        public string Type { get; init; } = "";
        public double? Score { get; init; }
        public string Recognizer { get; init; } = "";
        public PiiDecision? Decision { get; init; }
        public string? DecidedBy { get; init; }
        public DateTimeOffset? DecidedUtc { get; init; }
    }
}
