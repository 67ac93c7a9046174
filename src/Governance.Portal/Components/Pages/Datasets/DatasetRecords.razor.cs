using System.Text.Json;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Portal.Api;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Governance.Portal.Components.Pages.Datasets;

/// <summary>One dataset: its versions and their records, paged and searched on the server.</summary>
public partial class DatasetRecords
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Parameter] public string Name { get; set; } = "";

    [Inject] private DatasetCatalog Catalog { get; set; } = default!;

    private IReadOnlyList<VersionView> _versions = [];
    private int _version;
    private string _search = "";
    private string? _error;
    private RecordRow? _open;
    private MudTable<RecordRow>? _table;

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

    private static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }
}
