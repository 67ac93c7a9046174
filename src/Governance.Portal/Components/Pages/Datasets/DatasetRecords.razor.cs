using System.Text.Json;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Portal.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Authorization;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Datasets;

/// <summary>One dataset: its versions and their records, paged and searched on the server.</summary>
public partial class DatasetRecords
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Parameter] public string Name { get; set; } = "";

    [Inject] private DatasetCatalog Catalog { get; set; } = default!;
    [Inject] private DatasetSplitter Splitter { get; set; } = default!;
    [Inject] private DatasetPreprocessor Preprocessor { get; set; } = default!;
    [Inject] private RecordEditor Editor { get; set; } = default!;
    [Inject] private DatasetRedactor Redactor { get; set; } = default!;
    [Inject] private Governance.Portal.Datasets.PiiKey PiiKey { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<Core.Datasets.DatasetVersion> _all = [];
    private IReadOnlyList<VersionView> _versions = [];
    private int _version;
    private string _search = "";
    private Core.Datasets.Splits.Split? _split;
    private string? _label;
    private bool _totalIsAtLeast;
    private bool _indexPending;
    private string? _error;
    private RecordRow? _open;
    private string _metadata = "";
    private Core.Pii.AnonymizationOperator _redactOperator = Core.Pii.AnonymizationOperator.Replace;
    private double _redactThreshold = Core.Pii.PiiSettings.DefaultThreshold;
    private MudDataGrid<RecordRow>? _grid;
    private readonly PlanDraft _plan = new();
    private readonly PreprocessDraft _prep = new();
    private string? _actionMessage;
    private bool _actionFailed;

    private VersionView Current => _versions.First(v => v.Number == _version);

    private Core.Datasets.DatasetVersion SelectedVersion => _all.First(v => v.Number == _version);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _all = (await Catalog.VersionsAsync(Name)).Versions;
            _versions = [.. _all.Select(VersionView.Of)];
            _version = _versions[0].Number;
        }
        catch (ValidationError error)
        {
            _error = error.Message;
        }
    }

    private async Task<GridData<RecordRow>> LoadAsync(GridState<RecordRow> state, CancellationToken cancellationToken)
    {
        var version = SelectedVersion;
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new RecordQuery(state.Page, state.PageSize, _search, sort?.Descending ?? false,
            sort?.SortBy == nameof(RecordRow.Length) ? RecordSort.Length : RecordSort.Ordinal, _split, string.IsNullOrWhiteSpace(_label) ? null : _label.Trim());
        var page = await Catalog.PageAsync(version, query, cancellationToken);
        (_totalIsAtLeast, _indexPending) = (page.TotalIsAtLeast, page.SearchIndexPending);
        return new GridData<RecordRow> { TotalItems = (int)Math.Min(page.Total, int.MaxValue), Items = page.Records.Select(RecordRow.Of) };
    }

    private Task ReloadAsync()
    {
        _open = null;
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task VersionChangedAsync(int version)
    {
        _version = version;
        return ReloadAsync();
    }

    private Task SearchChangedAsync(string? search)
    {
        _search = search ?? "";
        return ReloadAsync();
    }

    private Task SplitFilterChangedAsync(Core.Datasets.Splits.Split? split)
    {
        _split = split;
        return ReloadAsync();
    }

    private Task LabelFilterChangedAsync(string? label)
    {
        _label = label;
        return ReloadAsync();
    }

    private void OpenRecord(RecordRow row)
    {
        _open = row;
        using var document = JsonDocument.Parse(row.Json);
        _metadata = document.RootElement.TryGetProperty("metadata", out var metadata) ? JsonSerializer.Serialize(metadata, Indented) : "{}";
    }

    private Task SaveMetadataAsync() => RunVersionActionAsync(async actor =>
    {
        var record = _open!.Ordinal + 1;
        var version = await Editor.EditMetadataAsync(Name, _version, record, _metadata, actor);
        return (version.Number, $"v{version.Number}: metadata of record {record} saved; every other record is as in v{_version}.");
    });

    private Task SplitAsync() => RunVersionActionAsync(async actor =>
    {
        var version = await Splitter.SplitAsync(Name, _version,
            new Core.Datasets.Splits.SplitPlan(_plan.Train, _plan.Validation, _plan.Test, _plan.Seed, _plan.Stratify), actor);
        return (version.Number, $"v{version.Number}: {version.RecordCount:N0} records split {_plan.Train:0.##}/{_plan.Validation:0.##}/{_plan.Test:0.##} with seed {_plan.Seed}.");
    });

    private Task PreprocessAsync() => RunVersionActionAsync(async actor =>
    {
        var (version, c, _) = await Preprocessor.RunAsync(Name, _version, new Core.Datasets.Preprocessing.PreprocessingPlan(
            _prep.Nfc, _prep.Whitespace, _prep.ControlCharacters, _prep.Deduplicate, _prep.MinTokens, _prep.MaxTokens,
            _prep.NearDuplicates ? _prep.NearDuplicateThreshold : null), actor);
        var near = _prep.NearDuplicates ? $", {c.NearDuplicatesRemoved:N0} near duplicates (similarity >= {_prep.NearDuplicateThreshold:0.##})" : "";
        return (version.Number, $"v{version.Number}: kept {c.Kept:N0} of {c.Read:N0} records; {c.Changed:N0} changed, " +
            $"{c.DuplicatesRemoved:N0} duplicates, {c.TooShort:N0} too short{near} and {c.TooLong:N0} too long removed.");
    });

    private Task RedactAsync() => RunVersionActionAsync(async actor =>
    {
        var (version, counts) = await Redactor.RunAsync(Name, _version, _redactOperator, _redactThreshold, PiiKey.For(_redactOperator), actor);
        var types = counts.ByType.Count == 0 ? "no personal data found" : string.Join(", ", counts.ByType.OrderByDescending(t => t.Value).Select(t => $"{t.Value:N0} {t.Key}"));
        return (version.Number, $"v{version.Number}: {counts.Changed:N0} of {counts.Read:N0} records changed; {types}.");
    }, Core.Security.Policies.RedactDatasets);

    /// <summary>Runs an action that makes a new version, then shows that version; errors a user can fix are shown, not thrown.</summary>
    private async Task RunVersionActionAsync(Func<string, Task<(int Version, string Message)>> action, string policy = Core.Security.Policies.ManageDatasets)
    {
        var user = (await AuthenticationState).User;
        // The panels show only to those admitted; the rule is checked here on the server all the same.
        if (!(await Authorization.AuthorizeAsync(user, policy)).Succeeded) return;
        try
        {
            var (version, message) = await action(user.Identity!.Name!);
            (_actionMessage, _actionFailed) = (message, false);
            await OnParametersSetAsync();
            await VersionChangedAsync(version);
        }
        catch (ValidationError error)
        {
            (_actionMessage, _actionFailed) = (error.Message, true);
        }
    }

    private static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }

    private sealed class PreprocessDraft
    {
        public bool Nfc { get; set; } = true;
        public bool Whitespace { get; set; } = true;
        public bool ControlCharacters { get; set; } = true;
        public bool Deduplicate { get; set; } = true;
        public int? MinTokens { get; set; }
        public int? MaxTokens { get; set; }
        public bool NearDuplicates { get; set; }
        public double NearDuplicateThreshold { get; set; } = Core.Datasets.Statistics.NearDuplicateFinder.DefaultThreshold;
    }

    private sealed class PlanDraft
    {
        public double Train { get; set; } = Core.Datasets.Splits.SplitPlan.Default.Train;
        public double Validation { get; set; } = Core.Datasets.Splits.SplitPlan.Default.Validation;
        public double Test { get; set; } = Core.Datasets.Splits.SplitPlan.Default.Test;
        public int Seed { get; set; } = Core.Datasets.Splits.SplitPlan.Default.Seed;
        public bool Stratify { get; set; } = true;
    }
}
