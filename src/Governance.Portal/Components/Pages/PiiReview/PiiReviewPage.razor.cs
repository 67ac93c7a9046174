using Governance.Core.Pii;
using Governance.Core.PiiReview;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Data.PiiReview;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace Governance.Portal.Components.Pages.PiiReview;

/// <summary>A compliance officer reviews a version's PII findings in place: confirm, dismiss, bulk, add missed ones, or send them to annotators.</summary>
public sealed partial class PiiReviewPage : IAsyncDisposable
{
    private const int PageSize = 25;

    /// <summary>Every recognizer a finding can name, for bulk decisions.</summary>
    private static readonly IReadOnlyList<string> Recognizers = [.. PiiScanner.BuiltIn().Select(r => r.Name), "deny-list", PiiReviews.ReviewerRecognizer];

    [Parameter] public string Name { get; set; } = "";

    [Parameter] public int Number { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private DatasetCatalog Catalog { get; set; } = default!;
    [Inject] private PiiFindingQueries Queries { get; set; } = default!;
    [Inject] private PiiReviews Reviews { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private Guid _versionId;
    private PiiReviewSummary? _summary;
    private IReadOnlyList<ReviewedFinding> _findings = [];
    private IReadOnlyDictionary<(long, string), string> _texts = new Dictionary<(long, string), string>();
    private long _total;
    private int _page;
    private bool _unreviewedOnly, _failed;
    private string? _bulkType, _bulkRecognizer, _message;
    private string _missedType = PiiTypes.Person;
    private IJSObjectReference? _module;

    private int PageCount => (int)((_total + PageSize - 1) / PageSize);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _versionId = (await Catalog.FindAsync(Name, Number)).Version.Id;
            await LoadAsync();
        }
        catch (RefusedError e)
        {
            (_message, _failed) = (e.Message, true);
        }
    }

    private async Task LoadAsync()
    {
        _summary = await Queries.SummaryAsync(_versionId);
        (_total, _findings) = await Queries.PageAsync(_versionId, new PiiFindingQuery(UnreviewedOnly: _unreviewedOnly, Page: _page, Size: PageSize));
        _texts = await Queries.TextsAsync(_versionId, [.. _findings.Select(f => f.Key.Ordinal).Distinct()]);
    }

    private async Task GoToAsync(int page)
    {
        _page = page;
        await LoadAsync();
    }

    private async Task UnreviewedOnlyChangedAsync(bool value)
    {
        (_unreviewedOnly, _page) = (value, 0);
        await LoadAsync();
    }

    private Task DecideAsync((PiiFindingKey Key, PiiDecision Decision) choice) => ActAsync(async actor =>
    {
        await Reviews.DecideAsync(_versionId, [choice.Key], choice.Decision, actor);
        return $"{choice.Decision}: {choice.Key}.";
    });

    private Task BulkAsync(PiiDecision decision) => ActAsync(async actor =>
        $"{decision}: {await Reviews.DecideUnreviewedAsync(_versionId, _bulkType, _bulkRecognizer, decision, actor)} unreviewed finding(s).");

    private Task AddMissedAsync() => ActAsync(async actor =>
    {
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./js/pii-review.js");
        var selected = await _module.InvokeAsync<SelectedText?>("selection")
            ?? throw new ValidationError("selection", "Select the missed text inside one field's text first, then add it.");
        var key = new PiiFindingKey(selected.Record, selected.Field, selected.Start, selected.End, _missedType);
        await Reviews.AddMissedAsync(_versionId, key, actor);
        return $"Added: {key}.";
    });

    /// <summary>Checks the policy on the server (the page is only for those admitted), acts, says what happened and reloads.</summary>
    private async Task ActAsync(Func<string, Task<string>> action)
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.ReviewPiiFindings)).Succeeded) return;
        try
        {
            (_message, _failed) = (await action(user.Identity!.Name!), false);
        }
        catch (Exception e) when (e is ValidationError or RefusedError)
        {
            (_message, _failed) = (e.Message, true);
        }
        await LoadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null) try { await _module.DisposeAsync(); } catch (JSDisconnectedException) { }
    }

    private sealed record SelectedText(long Record, string Field, int Start, int End);
}
