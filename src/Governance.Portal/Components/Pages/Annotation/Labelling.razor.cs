using System.Diagnostics;
using System.Security.Claims;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;
using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Portal.Annotation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Annotation;

/// <summary>
/// The labelling page: one task at a time, every action on a key, drafts saved to the server shortly after each
/// change, no page reloads. The server checks every submit (the caller's task, the revision, the answers).
/// </summary>
public partial class Labelling
{
    internal static readonly (string Keys, string What)[] Shortcuts =
    [
        ("<kbd>1</kbd>–<kbd>9</kbd>", "pick a label or choice; rate the highlighted criterion; label the selected text"),
        ("<kbd>↓</kbd> <kbd>↑</kbd>", "next / previous question or criterion"),
        ("<kbd>Ctrl</kbd>+<kbd>Enter</kbd>", "submit"),
        ("<kbd>J</kbd> <kbd>K</kbd>", "next / previous task"),
        ("<kbd>S</kbd>", "skip (asks for a reason)"),
        ("<kbd>E</kbd>", "edit the response text; <kbd>Esc</kbd> leaves it"),
        ("<kbd>?</kbd>", "show these shortcuts"),
    ];

    [Parameter] public string Name { get; set; } = "";

    [Inject] private AnnotationProjects Projects { get; set; } = default!;
    [Inject] private AnnotationWork Work { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    private ProjectRules? _project;
    private TaskView? _task;
    private AnswerDraft? _draft;
    private string _user = "";
    private string? _message, _draftStatus, _skipReason;
    private Severity _severity = Severity.Info;
    private bool _help, _skipping;
    private readonly Stopwatch _onTask = new();
    private CancellationTokenSource? _pendingDraft;
    private bool _unsaved;
    private IJSObjectReference? _module, _listener;
    private DotNetObjectReference<Labelling>? _self;

    private IReadOnlyList<SpanAnswers.Span> SpanQuestionSpans =>
        _project?.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Span) is { } q && _draft is not null ? _draft.Spans(q) : [];

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication.GetAuthenticationStateAsync()).User.Identity!.Name!;
        await RunAsync(async () =>
        {
            _project = await Projects.RulesAsync(Name);
            Show(await Work.NextAsync(Name, _user));
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        _module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/annotation.js");
        _listener = await _module.InvokeAsync<IJSObjectReference>("listen", _self, TaskRecord.SpanTextId);
        StateHasChanged();
    }

    /// <summary>Called by the page's key listener with the action and the selection in the record text.</summary>
    [JSInvokable]
    public async Task OnKey(string action, int[]? selection)
    {
        if (_help && action != "help") { _help = false; StateHasChanged(); return; }
        if (_task is null || _draft is null)
        {
            if (action == "previous") { await PreviousAsync(); StateHasChanged(); }
            return;
        }
        switch (action)
        {
            case "submit": await SubmitAsync(); break;
            case "next": await NextAsync(); break;
            case "previous": await PreviousAsync(); break;
            case "skip" when _task.State is TaskState.Assigned or TaskState.Returned: _skipping = true; break;
            case "help": _help = !_help; break;
            case "escape": _skipping = false; break;
            case "down": _draft.Move(1); break;
            case "up": _draft.Move(-1); break;
            case "edit" when _draft.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Response) is { } response:
                await _module!.InvokeVoidAsync("focus", $"q-{response.Key}-text");
                break;
            default:
                if (action.StartsWith("digit", StringComparison.Ordinal) &&
                    _draft.Digit(action[^1] - '0', _task.Responses?.Select(r => r.Id).ToList(), selection is [var s, var e] ? (s, e) : null))
                    await ChangedAsync();
                break;
        }
        StateHasChanged();
    }

    private void Show(TaskView? task)
    {
        _task = task;
        _skipping = false;
        _draftStatus = null;
        if (task is null || _project is null) return;
        var start = task.Draft ?? task.Answers;
        _draft = AnswerDraft.From(_project.Questions, start);
        foreach (var q in _project.Questions.Where(q => q.Kind == QuestionKind.Response && _draft.Text(q) is null))
            _draft.SetText(q, task.ExistingResponse);
        _onTask.Restart();
    }

    /// <summary>Saves the draft 600 ms after the last change, so typing does not write on every key.</summary>
    private async Task ChangedAsync()
    {
        if (_pendingDraft is not null) await _pendingDraft.CancelAsync();
        var pending = _pendingDraft = new CancellationTokenSource();
        _unsaved = true;
        var (task, draft) = (_task!, _draft!.ToJson());
        _draftStatus = "Editing…";
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(600, pending.Token);
                await Work.SaveDraftAsync(Name, task.Id, _user, draft, pending.Token);
                await InvokeAsync(() =>
                {
                    if (pending == _pendingDraft) _unsaved = false; // a later change still waits for its own save
                    _draftStatus = $"Draft saved {DateTime.Now:HH:mm:ss}";
                    StateHasChanged();
                });
            }
            catch (OperationCanceledException) { }
            catch (Exception e) when (e is RefusedError or ValidationError)
            {
                await InvokeAsync(() => { _draftStatus = $"Draft not saved: {e.Message}"; StateHasChanged(); });
            }
        });
    }

    private async Task FlushDraftAsync()
    {
        // Only a change not yet saved in the background is written now; a saved draft is not written twice.
        if (!_unsaved || _pendingDraft is null || _task is null || _draft is null) return;
        await _pendingDraft.CancelAsync();
        _unsaved = false;
        if (_task.State is TaskState.Assigned or TaskState.Returned) await Work.SaveDraftAsync(Name, _task.Id, _user, _draft.ToJson());
    }

    private Task SubmitAsync() => RunAsync(async () =>
    {
        if (_pendingDraft is not null) await _pendingDraft.CancelAsync();
        var submitted = await Work.SubmitAsync(Name, _task!.Id, _user, _draft!.ToJson(), _task.Revision, _onTask.Elapsed.TotalSeconds);
        Say($"Record {submitted.Record} submitted.", Severity.Success);
        Show(await Work.NeighbourAsync(Name, submitted.Id, _user, forward: true));
    });

    private Task NextAsync() => RunAsync(async () =>
    {
        await FlushDraftAsync();
        Show(await Work.NeighbourAsync(Name, _task!.Id, _user, forward: true));
    });

    private Task PreviousAsync() => RunAsync(async () =>
    {
        await FlushDraftAsync();
        // With the queue done there is no task on screen: go back to the newest one.
        if (await Work.NeighbourAsync(Name, _task?.Id ?? long.MaxValue, _user, forward: false) is { } previous) Show(previous);
        else Say("This is your first task.", Severity.Info);
    });

    private Task SkipAsync() => RunAsync(async () =>
    {
        if (_pendingDraft is not null) await _pendingDraft.CancelAsync();
        var skipped = _task!.Record;
        Show(await Work.SkipAsync(Name, _task.Id, _user, _skipReason ?? "", _task.Revision));
        _skipReason = null;
        Say($"Record {skipped} skipped.", Severity.Info);
    });

    private async Task SkipKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await SkipAsync();
    }

    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            _message = null;
            await action();
        }
        catch (Exception e) when (e is RefusedError or ValidationError)
        {
            Say(e.Message, Severity.Error);
        }
    }

    private void Say(string message, Severity severity) => (_message, _severity) = (message, severity);

    public async ValueTask DisposeAsync()
    {
        if (_pendingDraft is not null) await _pendingDraft.CancelAsync();
        try
        {
            if (_listener is not null) { await _listener.InvokeVoidAsync("dispose"); await _listener.DisposeAsync(); }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { /* the circuit is gone, and the listener with it */ }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
