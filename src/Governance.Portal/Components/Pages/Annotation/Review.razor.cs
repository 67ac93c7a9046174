using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Portal.Annotation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Annotation;

/// <summary>The reviewer's queue, disagreements first, and the decision on one record: accept, return with a comment, adjudicate.</summary>
public partial class Review
{
    [Parameter] public string Name { get; set; } = "";

    [Inject] private AnnotationProjects Projects { get; set; } = default!;
    [Inject] private AnnotationReviews Reviews { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    private ProjectRules? _project;
    private string _user = "";
    private long _waiting;
    private IReadOnlyList<(long Record, bool Disagreement)> _queue = [];
    private ReviewItem? _item;
    private AnswerDraft? _adjudication;
    private IReadOnlyList<HistoryEntry> _history = [];
    private string? _comment, _message;
    private Severity _severity;

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication.GetAuthenticationStateAsync()).User.Identity!.Name!;
        await RunAsync(async () =>
        {
            _project = await Projects.RulesAsync(Name);
            await ReloadQueueAsync();
        });
    }

    private async Task ReloadQueueAsync()
    {
        (_waiting, _queue) = await Reviews.QueueAsync(Name, _user);
        if (_queue.Count > 0) await LoadAsync(_queue[0].Record);
        else _item = null;
    }

    private async Task LoadAsync(long record)
    {
        _item = await Reviews.ItemAsync(Name, record, _user);
        _adjudication = AnswerDraft.From(_project!.Questions, _item.Answers.FirstOrDefault(a => a.Answers is not null)?.Answers);
        _history = await Reviews.HistoryAsync(Name, record);
        _comment = null;
    }

    private Task OpenAsync(long record) => RunAsync(() => LoadAsync(record));

    private Task AcceptAsync(long taskId) => DecideAsync(() => Reviews.AcceptAsync(Name, _item!.Record, taskId, _user), "accepted");

    private Task RejectAsync(long taskId) => DecideAsync(() => Reviews.RejectAsync(Name, _item!.Record, taskId, _comment ?? "", _user), "returned to its annotator");

    private Task AdjudicateAsync() => DecideAsync(() => Reviews.AdjudicateAsync(Name, _item!.Record, _adjudication!.ToJson(), _user), "adjudicated");

    private Task DecideAsync(Func<Task> decide, string what) => RunAsync(async () =>
    {
        var record = _item!.Record;
        await decide();
        await ReloadQueueAsync();
        (_message, _severity) = ($"Record {record} {what}.", Severity.Success);
    });

    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            _message = null;
            await action();
        }
        catch (Exception e) when (e is RefusedError or ValidationError)
        {
            (_message, _severity) = (e.Message, Severity.Error);
        }
    }
}
