using Governance.Core.Pii;
using Governance.Core.PiiReview;
using Governance.Core.Validation;
using Governance.Data.Audit;
using Governance.Data.Datasets;
using Governance.Data.PiiReview;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Tests;

/// <summary>Stored findings of a PII audit, reviewers' decisions on them, and what blocks a release.</summary>
public sealed class PiiReviewTests(VersionDatabase database) : IClassFixture<VersionDatabase>
{
    private const string Tickets = """
        {"prompt":"Write to jane.doe@example.com or call +44 20 7946 0958","completion":"Done, see https://example.com/help"}
        {"prompt":"Where is my parcel?","completion":"Ask Tom at the desk."}
        """;

    private DatasetPiiAudits Audits => new(database.Databases, database.Catalog, TimeProvider.System);
    private AuditTrail Trail => new(database.Databases, TimeProvider.System);
    private PiiReviews Reviews => new(database.Databases, Trail, TimeProvider.System);
    private PiiFindingQueries Queries => new(database.Databases, PiiBlockingTypes.Default);

    private async Task<(Core.Datasets.DatasetVersion Version, IReadOnlyList<ReviewedFinding> Findings)> AuditedAsync(string name)
    {
        var version = await database.ImportAsync(name, Tickets);
        await Audits.ComputeAsync(version, "compliance");
        return (version, (await Queries.PageAsync(version.Id, new PiiFindingQuery())).Findings);
    }

    [Fact]
    public async Task An_audit_stores_every_finding_of_its_summary_by_place_and_the_same_ones_when_run_again()
    {
        var (version, findings) = await AuditedAsync("stored");
        var summary = DatasetPiiAudits.Read(await Audits.FindAsync(version.Id))!;
        await Audits.ComputeAsync(version, "compliance");
        var again = (await Queries.PageAsync(version.Id, new PiiFindingQuery())).Findings;

        Assert.Equal(summary.Findings, findings.Count);
        Assert.Equal(summary.ByType.OrderBy(t => t.Key), findings.GroupBy(f => f.Key.Type).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())).OrderBy(t => t.Key));
        var email = findings.Single(f => f.Key.Type == PiiTypes.Email);
        Assert.Equal(new PiiFindingKey(0, "prompt", 9, 29, PiiTypes.Email), email.Key);
        Assert.Equal(findings.Select(f => f.Key), again.Select(f => f.Key));
    }

    [Fact]
    public async Task Dismissed_findings_stop_blocking_confirmed_and_added_ones_do_not_and_URLs_never_block()
    {
        var (version, findings) = await AuditedAsync("decided");
        var blocking = findings.Count(f => f.Key.Type != PiiTypes.Url);
        Assert.Contains(findings, f => f.Key.Type == PiiTypes.Url);
        Assert.Equal(blocking, await Queries.UnresolvedBlockingAsync(version.Id));

        var phone = findings.Single(f => f.Key.Type == PiiTypes.Phone).Key;
        var email = findings.Single(f => f.Key.Type == PiiTypes.Email).Key;
        await Reviews.DecideAsync(version.Id, [phone], PiiDecision.Dismissed, "compliance");
        await Reviews.DecideAsync(version.Id, [email], PiiDecision.Confirmed, "compliance");
        await Reviews.AddMissedAsync(version.Id, new PiiFindingKey(1, "completion", 4, 7, PiiTypes.Person), "compliance");

        Assert.Equal(blocking - 1 + 1, await Queries.UnresolvedBlockingAsync(version.Id));
        var summary = await Queries.SummaryAsync(version.Id);
        Assert.Equal((0L, 1L, 0L), summary.Counts.Where(c => c.Type == PiiTypes.Phone).Select(c => (c.Confirmed, c.Dismissed, c.Unreviewed)).Single());
        Assert.Equal(1L, summary.Counts.Where(c => c.Type == PiiTypes.Person && c.Field == "completion").Sum(c => c.Confirmed));
        var decided = (await Queries.PageAsync(version.Id, new PiiFindingQuery(Type: PiiTypes.Phone))).Findings.Single();
        Assert.Equal((PiiDecision.Dismissed, "compliance"), (decided.Decision, decided.DecidedBy));
    }

    [Fact]
    public async Task A_bulk_decision_takes_only_unreviewed_findings_of_the_type_and_the_trail_names_places_not_values()
    {
        var (version, findings) = await AuditedAsync("bulk");
        var email = findings.Single(f => f.Key.Type == PiiTypes.Email).Key;
        await Reviews.DecideAsync(version.Id, [email], PiiDecision.Dismissed, "compliance");

        var confirmed = await Reviews.DecideUnreviewedAsync(version.Id, PiiTypes.Email, null, PiiDecision.Confirmed, "compliance");
        var byRecognizer = await Reviews.DecideUnreviewedAsync(version.Id, null, findings.Single(f => f.Key.Type == PiiTypes.Url).Recognizer, PiiDecision.Dismissed, "compliance");

        Assert.Equal((0, 1), (confirmed, byRecognizer));
        Assert.Equal(PiiDecision.Dismissed, (await Queries.PageAsync(version.Id, new PiiFindingQuery(Type: PiiTypes.Email))).Findings.Single().Decision);
        await using var db = database.Databases.CreateDbContext();
        var entries = await db.AuditRows.Where(r => r.Entity == $"dataset-version:{version.Id}").ToListAsync();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.After == $"record 1, prompt, 9-29, {PiiTypes.Email}");
        Assert.DoesNotContain(entries, e => e.After!.Contains("jane") || e.After.Contains("7946"));
        Assert.DoesNotContain(await db.PiiDecisions.Select(d => d.Field).ToListAsync(), f => f.Contains('@'));
    }

    [Fact]
    public async Task Decisions_on_places_that_are_no_finding_are_refused_and_change_nothing()
    {
        var (version, _) = await AuditedAsync("refused");
        var before = await Queries.UnresolvedBlockingAsync(version.Id);

        Assert.Equal(Refusal.NotFound, (await Assert.ThrowsAsync<RefusedError>(() =>
            Reviews.DecideAsync(version.Id, [new PiiFindingKey(1, "prompt", 0, 5, PiiTypes.Email)], PiiDecision.Dismissed, "compliance"))).Reason);
        Assert.Equal("end", (await Assert.ThrowsAsync<ValidationError>(() =>
            Reviews.AddMissedAsync(version.Id, new PiiFindingKey(1, "prompt", 5, 500, PiiTypes.Person), "compliance"))).Field);
        Assert.Equal("field", (await Assert.ThrowsAsync<ValidationError>(() =>
            Reviews.AddMissedAsync(version.Id, new PiiFindingKey(1, "nowhere", 0, 2, PiiTypes.Person), "compliance"))).Field);
        Assert.Equal("type", (await Assert.ThrowsAsync<ValidationError>(() =>
            Reviews.AddMissedAsync(version.Id, new PiiFindingKey(1, "prompt", 0, 2, "NAME"), "compliance"))).Field);

        Assert.Equal(before, await Queries.UnresolvedBlockingAsync(version.Id));
        await using var db = database.Databases.CreateDbContext();
        Assert.False(await db.PiiDecisions.AnyAsync(d => d.VersionId == version.Id));
    }

    [Fact]
    public async Task A_version_without_a_finished_audit_has_no_count_and_the_redacted_version_is_its_residual()
    {
        var (version, _) = await AuditedAsync("residual");
        var fresh = await database.ImportAsync("unaudited", Tickets);
        await new DatasetRedactor(database.Databases, database.Catalog, TimeProvider.System).RunAsync("residual", 1, AnonymizationOperator.Replace, 0.5, null, "compliance");
        var (_, redacted) = await database.Catalog.FindAsync("residual", 2);
        await Audits.ComputeAsync(redacted, "compliance");

        var residual = (await Queries.SummaryAsync(version.Id)).Residual!;

        Assert.Null(await Queries.UnresolvedBlockingAsync(fresh.Id));
        Assert.Equal((2, "Succeeded", 0L, 0L), (residual.Version, residual.State, residual.Findings, residual.UnresolvedBlocking));
    }
}
