using System.Text.Json;
using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Annotation;

/// <summary>A project's progress, agreement, annotators (for Managers), gold records and the merge into a version.</summary>
public partial class ProjectOverview
{
    [Parameter] public string Name { get; set; } = "";

    [Inject] private AnnotationProjects Projects { get; set; } = default!;
    [Inject] private AnnotationQuality Quality { get; set; } = default!;
    [Inject] private AnnotationManagement Management { get; set; } = default!;
    [Inject] private AnnotationOutput Output { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    private ProjectSummary? _project;
    private QualityReport? _report;
    private string? _message, _reassignTo, _goldAnswers;
    private Severity _severity;
    private long? _goldRecord;
    private bool _reviewedOnly;
    private DateTime? _deadline;

    private double Progress => _project is { Project.RecordCount: > 0 } p ? 100.0 * p.Submitted / (p.Project.RecordCount * p.Project.Overlap) : 0;

    protected override Task OnInitializedAsync() => RunAsync(ReloadAsync, null);

    private async Task ReloadAsync()
    {
        _project = await Projects.FindAsync(Name);
        _deadline = _project.Project.Deadline?.UtcDateTime;
        _report = await Quality.ReportAsync(Name);
    }

    private async Task<string> ActorAsync() => (await Authentication.GetAuthenticationStateAsync()).User.Identity!.Name!;

    /// <summary>Managing annotators is checked on the server at every action, not only by hiding the panel.</summary>
    private async Task RequireManagerAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.ManageAnnotators)).Succeeded)
            throw new RefusedError(Refusal.Forbidden, "Only a Manager may manage the annotators of a project.");
    }

    private Task DeactivateAsync(string annotator) => RunAsync(async () =>
    {
        await RequireManagerAsync();
        var moved = await Management.DeactivateAsync(Name, annotator, string.IsNullOrWhiteSpace(_reassignTo) ? null : _reassignTo.Trim(), await ActorAsync());
        await ReloadAsync();
        return $"{annotator} deactivated in this project; {moved} open task(s) moved to {(string.IsNullOrWhiteSpace(_reassignTo) ? "the pool" : _reassignTo)}.";
    });

    private Task ReactivateAsync(string annotator) => RunAsync(async () =>
    {
        await RequireManagerAsync();
        await Management.ReactivateAsync(Name, annotator);
        await ReloadAsync();
        return $"{annotator} may take tasks again.";
    });

    private Task SetDeadlineAsync() => RunAsync(async () =>
    {
        await RequireManagerAsync();
        await Management.SetDeadlineAsync(Name, _deadline is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date.AddDays(1).AddSeconds(-1), DateTimeKind.Utc)) : null);
        await ReloadAsync();
        return "Deadline saved.";
    });

    private Task SetGoldAsync() => RunAsync(async () =>
    {
        JsonElement answers;
        try { answers = JsonSerializer.Deserialize<JsonElement>(_goldAnswers ?? ""); }
        catch (JsonException e) { throw new ValidationError("answers", $"The answers are not valid JSON: {e.Message}"); }
        await Management.SetGoldAsync(Name, _goldRecord ?? 0, answers, await ActorAsync());
        await ReloadAsync();
        return $"Record {_goldRecord} is a gold record.";
    });

    private Task MergeAsync() => RunAsync(async () =>
    {
        var (version, annotated) = await Output.MergeAsync(Name, _reviewedOnly, await ActorAsync());
        return $"Version {version.Number} of {_project!.Dataset} made: {version.RecordCount:N0} records, {annotated:N0} with final answers.";
    });

    private Task RunAsync(Func<Task> action, string? done) => RunAsync(async () => { await action(); return done; });

    private async Task RunAsync(Func<Task<string?>> action)
    {
        try
        {
            var done = await action();
            if (done is not null) (_message, _severity) = (done, Severity.Success);
        }
        catch (Exception e) when (e is RefusedError or ValidationError)
        {
            (_message, _severity) = (e.Message, Severity.Error);
        }
    }
}
