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
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<VersionView> _versions = [];
    private int _version;
    private string _search = "";
    private string? _error;
    private RecordRow? _open;
    private MudTable<RecordRow>? _table;
    private readonly PlanDraft _plan = new();
    private string? _splitError;

    private VersionView Current => _versions.First(v => v.Number == _version);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _versions = [.. (await Catalog.VersionsAsync(Name)).Versions.Select(VersionView.Of)];
            _version = _versions[0].Number;
        }
        catch (ValidationError error)
        {
            _error = error.Message;
        }
    }

    private async Task<TableData<RecordRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var (_, version) = await Catalog.FindAsync(Name, _version, cancellationToken);
        var page = await Catalog.PageAsync(version, state.Page, state.PageSize, _search, state.SortDirection == SortDirection.Descending, cancellationToken);
        return new TableData<RecordRow> { TotalItems = (int)Math.Min(page.Total, int.MaxValue), Items = page.Records.Select(RecordRow.Of) };
    }

    private async Task VersionChangedAsync(int version)
    {
        (_version, _open) = (version, null);
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task SearchChangedAsync(string? search)
    {
        (_search, _open) = (search ?? "", null);
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task SplitAsync()
    {
        _splitError = null;
        var user = (await AuthenticationState).User;
        // The panel shows only to those admitted; the rule is checked here on the server all the same.
        if (!(await Authorization.AuthorizeAsync(user, Core.Security.Policies.ManageDatasets)).Succeeded) return;
        try
        {
            var version = await Splitter.SplitAsync(Name, _version,
                new Core.Datasets.Splits.SplitPlan(_plan.Train, _plan.Validation, _plan.Test, _plan.Seed, _plan.Stratify), user.Identity!.Name!);
            await OnParametersSetAsync();
            await VersionChangedAsync(version.Number);
        }
        catch (ValidationError error)
        {
            _splitError = error.Message;
        }
    }

    private static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
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
