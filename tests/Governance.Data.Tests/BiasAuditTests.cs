using Governance.Core.Bias;
using Governance.Core.Validation;
using Governance.Data.Audit;
using Governance.Data.Datasets;
using Governance.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Tests;

/// <summary>Stored bias audits of a version: the configuration they used, reproducibility, progress and cancel.</summary>
public sealed class BiasAuditTests(VersionDatabase database) : IClassFixture<VersionDatabase>
{
    private const string Loans = """
        {"text":"She asked for a loan and it was approved","label":"approved"}
        {"text":"She asked for a loan and was turned down","label":"denied"}
        {"text":"He asked for a loan and it was approved","label":"approved"}
        {"text":"He asked again and it was approved","label":"approved"}
        {"text":"Nobody in particular asked","label":"denied"}
        """;

    /// <summary>Two groups, a label, and groups judged from one record on, so that four records give verdicts.</summary>
    private static readonly BiasConfiguration Gender = new()
    {
        Axes = [new BiasAxis { Name = "gender", Groups = [new BiasGroup { Name = "female", Terms = ["she"] }, new BiasGroup { Name = "male", Terms = ["he"] }] }],
        Label = new BiasLabel { Field = "label", FavourableValues = ["approved"] },
        Thresholds = new BiasThresholds { MinimumRecords = 1 },
    };

    private BiasAuditSettings Settings => new(database.Databases, new AuditTrail(database.Databases, TimeProvider.System), TimeProvider.System);

    private DatasetBiasAudits Audits => new(database.Databases, database.Catalog, Settings, TimeProvider.System);

    [Fact]
    public async Task The_same_version_and_configuration_give_the_same_stored_result_with_hand_computed_base_rates()
    {
        var version = await database.ImportAsync("loans", Loans);
        var reordered = Gender with { Axes = [Gender.Axes[0] with { Groups = [.. Gender.Axes[0].Groups.Reverse()] }] };

        var first = await Audits.ComputeAsync(version, "cli", Gender);
        var second = await Audits.ComputeAsync(version, "cli", reordered);

        Assert.Equal(RunState.Succeeded, first.State);
        Assert.Equal(first.Json, second.Json);
        Assert.Equal((first.ConfigurationHash, first.ConfigurationJson), (second.ConfigurationHash, second.ConfigurationJson));
        Assert.Equal(BiasConfigurationJson.Hash(Gender), first.ConfigurationHash);
        Assert.Equal(first.ConfigurationHash, BiasConfigurationJson.Hash(BiasConfigurationJson.Parse(first.ConfigurationJson)));
        var rates = DatasetBiasAudits.Read(second)!.Axes.Single().BaseRates!;
        Assert.Equal("male", rates.PrivilegedGroup);
        var female = rates.Groups.Single(g => g.Group == "female");
        Assert.Equal((0.5, 0.5, -0.5, BiasVerdict.Fail), (female.BaseRate, female.DisparateImpact, female.StatisticalParityDifference, female.Verdict));
        Assert.Equal((5L, 5L), (second.RecordsDone, second.RecordsTotal));
    }

    [Fact]
    public async Task A_request_keeps_the_configuration_in_force_then_even_when_it_changes_before_the_job_runs()
    {
        var version = await database.ImportAsync("kept", Loans);
        await Settings.SaveAsync(BiasConfigurationJson.Serialize(Gender), "compliance");
        await Audits.RequestAsync(version.Id, "compliance");
        await Settings.SaveAsync(BiasConfigurationJson.Serialize(BiasConfiguration.Default), "compliance");

        var run = await Audits.ComputeAsync(version, "job");

        Assert.Equal(BiasConfigurationJson.Hash(Gender), run.ConfigurationHash);
        Assert.Equal("compliance", run.RequestedBy);
        Assert.Equal(["gender"], DatasetBiasAudits.Read(run)!.Axes.Select(a => a.Axis));
        Assert.Equal(BiasConfigurationJson.Hash(BiasConfiguration.Default), (await Settings.CurrentAsync()).Hash);
    }

    [Theory]
    [InlineData("""{"axes":[]}""", "axes")]
    [InlineData("""{"axes":[{"name":"gender","groups":[{"name":"a","terms":["x"]},{"name":"b","terms":["y"]}]}],"thresholds":{"fail":2}}""", "thresholds.fail")]
    [InlineData("""{"axis":[]}""", "axis")]
    public async Task A_configuration_with_a_bad_field_is_refused_naming_the_field_and_the_stored_one_stays(string json, string field)
    {
        var before = await Settings.CurrentAsync();

        var error = await Assert.ThrowsAsync<ValidationError>(() => Settings.SaveAsync(json, "compliance"));

        Assert.Equal(field, error.Field);
        Assert.Equal(before.Json, (await Settings.CurrentAsync()).Json);
    }

    [Fact]
    public async Task A_queued_audit_is_cancelled_at_once_and_a_running_one_stops_without_a_result()
    {
        var version = await database.ImportAsync("cancelled", Loans);
        await Audits.RequestAsync(version.Id, "compliance");
        await Assert.ThrowsAsync<RefusedError>(() => Audits.RequestAsync(version.Id, "engineer"));

        var queued = await Audits.CancelAsync(version.Id);
        Assert.Equal(RunState.Cancelled, queued.State);
        Assert.Null(await Audits.NextPendingAsync());
        Assert.Equal(Refusal.Conflict, (await Assert.ThrowsAsync<RefusedError>(() => Audits.CancelAsync(version.Id))).Reason);

        await Audits.RequestAsync(version.Id, "compliance");
        await using (var db = database.Databases.CreateDbContext())
            await db.BiasAuditRuns.Where(r => r.VersionId == version.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.State, RunState.Running));
        Assert.True((await Audits.CancelAsync(version.Id)).CancelRequested);
        var stopped = await Audits.ComputeAsync(version, "job");

        Assert.Equal((RunState.Cancelled, (string?)null, false), (stopped.State, stopped.Json, stopped.CancelRequested));
        Assert.Null(await Audits.NextPendingAsync());
    }
}
