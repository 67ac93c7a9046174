using Governance.Core.Datasets.Records;
using Governance.Core.Pii;
using Governance.Core.PiiReview;
using Governance.Core.Validation;
using Governance.Data.Audit;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.PiiReview;

/// <summary>
/// A compliance officer's decisions on the findings of a version's PII audit: confirm or dismiss one or many, mark a
/// missed one. Decisions are kept by the finding's place (<see cref="PiiFindingKey"/>) with who and when, and each
/// action is appended to the audit trail by place and type, never by value.
/// </summary>
public sealed class PiiReviews(IDbContextFactory<GovernanceDbContext> databases, AuditTrail trail, TimeProvider clock)
{
    /// <summary>The recognizer named for findings a reviewer added.</summary>
    public const string ReviewerRecognizer = "reviewer";

    /// <summary>Reads a record's text fields by path, as the audit names them (its scanner is not used for that).</summary>
    internal static readonly PiiJsonl Fields = new(new PiiScanner());

    /// <summary>Confirms or dismisses the findings at <paramref name="keys"/>; each must be a finding of the version's audit.</summary>
    public async Task DecideAsync(Guid versionId, IReadOnlyList<PiiFindingKey> keys, PiiDecision decision, string actor, CancellationToken cancellationToken = default)
    {
        if (decision == PiiDecision.Added) throw new ValidationError("decision", "Use confirm or dismiss; a missed finding is added with its place and type.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await EnsureAuditedAsync(db, versionId, cancellationToken);
        foreach (var key in keys)
        {
            if (!await db.PiiFindings.AnyAsync(f => f.VersionId == versionId && f.Ordinal == key.Ordinal && f.Field == key.Field && f.Start == key.Start
                    && f.End == key.End && f.Type == key.Type, cancellationToken))
                throw new RefusedError(Refusal.NotFound, $"The audit of this version has no finding at {key}; reload the findings and decide again.");
            await UpsertAsync(db, versionId, key, decision, actor, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await TrailAsync(actor, versionId, decision, Places(keys), cancellationToken);
    }

    /// <summary>Confirms or dismisses every finding nobody decided yet, of <paramref name="type"/> and/or by <paramref name="recognizer"/>; returns how many.</summary>
    public async Task<int> DecideUnreviewedAsync(Guid versionId, string? type, string? recognizer, PiiDecision decision, string actor, CancellationToken cancellationToken = default)
    {
        if (decision == PiiDecision.Added) throw new ValidationError("decision", "Bulk decisions confirm or dismiss.");
        if (type is null && recognizer is null) throw new ValidationError("type", "Name a type or a recognizer (or both) for a bulk decision.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await EnsureAuditedAsync(db, versionId, cancellationToken);
        var unreviewed = await db.PiiFindings.Where(f => f.VersionId == versionId && (type == null || f.Type == type) && (recognizer == null || f.Recognizer == recognizer))
            .Where(f => !db.PiiDecisions.Any(d => d.VersionId == f.VersionId && d.Ordinal == f.Ordinal && d.Field == f.Field && d.Start == f.Start && d.End == f.End && d.Type == f.Type))
            .AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.PiiDecisions.AddRange(unreviewed.Select(f => Row(versionId, f.Key, decision, actor, now)));
        await db.SaveChangesAsync(cancellationToken);
        await TrailAsync(actor, versionId, decision, $"{unreviewed.Count} unreviewed finding(s) of type {type ?? "any"} by recognizer {recognizer ?? "any"}", cancellationToken);
        return unreviewed.Count;
    }

    /// <summary>Marks personal data the audit missed: a string field of a record of the version, offsets inside it, a known type.</summary>
    public async Task AddMissedAsync(Guid versionId, PiiFindingKey key, string actor, CancellationToken cancellationToken = default)
    {
        if (!PiiTypes.All.Contains(key.Type)) throw new ValidationError("type", $"'{key.Type}' is not a finding type; use one of {string.Join(", ", PiiTypes.All)}.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await EnsureAuditedAsync(db, versionId, cancellationToken);
        var json = await db.VersionEntries.Where(e => e.VersionId == versionId && e.Ordinal == key.Ordinal)
            .Join(db.RecordContents, e => e.Hash, c => c.Hash, (_, c) => c.Json).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RefusedError(Refusal.NotFound, $"This version has no record {key.Ordinal + 1}.");
        var text = Fields.Strings(json, key.Ordinal + 1, "record").Where(f => f.Field == key.Field).Select(f => f.Text).FirstOrDefault()
            ?? throw new ValidationError("field", $"Record {key.Ordinal + 1} has no text field '{key.Field}'.");
        if (key.Start < 0 || key.End <= key.Start || key.End > text.Length)
            throw new ValidationError("end", $"Offsets {key.Start}-{key.End} are not a stretch of field '{key.Field}', which is {text.Length} characters long.");
        if (await db.PiiFindings.AnyAsync(f => f.VersionId == versionId && f.Ordinal == key.Ordinal && f.Field == key.Field && f.Start == key.Start
                && f.End == key.End && f.Type == key.Type, cancellationToken))
            throw new RefusedError(Refusal.Conflict, $"The audit already found {key}; confirm it instead.");
        await UpsertAsync(db, versionId, key, PiiDecision.Added, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await TrailAsync(actor, versionId, PiiDecision.Added, key.ToString(), cancellationToken);
    }

    /// <summary>
    /// Records decisions reached elsewhere (an annotation project's spans), each stored as decided by
    /// <paramref name="decidedBy"/>; the trail names the <paramref name="actor"/> who applied them and the <paramref name="reason"/>.
    /// </summary>
    internal async Task RecordAsync(Guid versionId, IReadOnlyList<(PiiFindingKey Key, PiiDecision Decision)> decisions, string decidedBy, string actor, string reason,
        CancellationToken cancellationToken)
    {
        if (decisions.Count == 0) return;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        foreach (var (key, decision) in decisions) await UpsertAsync(db, versionId, key, decision, decidedBy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var group in decisions.GroupBy(d => d.Decision))
            await TrailAsync(actor, versionId, group.Key, $"{reason}: {Places([.. group.Select(d => d.Key)])}", cancellationToken);
    }

    private async Task UpsertAsync(GovernanceDbContext db, Guid versionId, PiiFindingKey key, PiiDecision decision, string actor, CancellationToken cancellationToken)
    {
        var row = await db.PiiDecisions.FindAsync([versionId, key.Ordinal, key.Field, key.Start, key.End, key.Type], cancellationToken);
        if (row is null) db.PiiDecisions.Add(Row(versionId, key, decision, actor, clock.GetUtcNow()));
        else (row.Decision, row.DecidedBy, row.DecidedUtc) = (decision, actor, clock.GetUtcNow());
    }

    private static PiiDecisionRow Row(Guid versionId, PiiFindingKey key, PiiDecision decision, string actor, DateTimeOffset now) => new()
    {
        VersionId = versionId, Ordinal = key.Ordinal, Field = key.Field, Start = key.Start, End = key.End, Type = key.Type,
        Decision = decision, DecidedBy = actor, DecidedUtc = now,
    };

    internal static async Task EnsureAuditedAsync(GovernanceDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        if (!await db.PiiAuditRuns.AnyAsync(r => r.VersionId == versionId && r.State == RunState.Succeeded, cancellationToken))
            throw new RefusedError(Refusal.Conflict, "This version has no finished PII audit to review; run the audit first and wait for it to finish.");
    }

    /// <summary>The places for the trail: the first twenty, then how many more.</summary>
    private static string Places(IReadOnlyList<PiiFindingKey> keys) => string.Join("; ", keys.Take(20)) + (keys.Count > 20 ? $"; and {keys.Count - 20} more" : "");

    private Task TrailAsync(string actor, Guid versionId, PiiDecision decision, string what, CancellationToken cancellationToken) =>
        trail.AppendAsync(actor, null, $"dataset-version:{versionId}", $"pii-{decision.ToString().ToLowerInvariant()}", null, what, cancellationToken);
}
