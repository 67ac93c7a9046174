using System.Text.Json;
using Governance.Core.Datasets.Export;
using Governance.Data.Datasets;
using Governance.Portal.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Governance.Portal.Components.Pages.Datasets;

public partial class Datasets : IAsyncDisposable
{
    private const string FileInput = "import-file";

    [Inject] private DatasetCatalog Catalog { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private Governance.Portal.Datasets.ImportProgress Progress { get; set; } = default!;

    private IReadOnlyList<DatasetView>? _datasets;
    private readonly Facts _facts = new();
    private FileChoice? _file;
    private Core.Datasets.Import.ImportReport? _preview;
    private string? _previewError;
    private double _percent;
    private string? _uploadId;
    private Governance.Portal.Datasets.ImportStage? _checked;
    private bool Uploading { get; set; }
    private ImportView? _result;
    private string? _message;
    private IJSObjectReference? _module;
    private DotNetObjectReference<Datasets>? _self;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => _datasets = [.. (await Catalog.ListAsync()).Select(DatasetView.Of)];

    private static string ExportUrl(DatasetView dataset, ExportFormat format) =>
        string.Format(DatasetApi.ExportPath, Uri.EscapeDataString(dataset.Name), dataset.LatestVersion, format);

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./js/upload.js");

    private async Task FileChosenAsync()
    {
        _file = await (await ModuleAsync()).InvokeAsync<FileChoice?>("fileInfo", FileInput);
        (_result, _preview, _previewError) = (null, null, null);
        if (_file is null) return;
        if (string.IsNullOrWhiteSpace(_facts.Name)) _facts.Name = Path.GetFileNameWithoutExtension(_file.Name);
        try
        {
            var head = await (await ModuleAsync()).InvokeAsync<FileHead?>("head", FileInput, Core.Datasets.Import.ImportPreview.HeadBytes);
            if (head is not null)
                _preview = await Core.Datasets.Import.ImportPreview.ReadAsync(_file.Name, head.Text, head.Whole, Core.Datasets.Import.ImportLimits.Default);
        }
        catch (Core.Validation.ValidationError error)
        {
            _previewError = error.Message;
        }
    }

    private sealed record FileHead(string Text, bool Whole);

    private async Task UploadAsync()
    {
        (_result, _message, _percent, _checked, Uploading) = (null, null, 0, null, true);
        _uploadId = Guid.NewGuid().ToString("N");
        _self ??= DotNetObjectReference.Create(this);
        var url = $"api/datasets?name={Uri.EscapeDataString(_facts.Name)}&source={Uri.EscapeDataString(_facts.Source)}" +
                  $"&licence={Uri.EscapeDataString(_facts.Licence)}&purpose={Uri.EscapeDataString(_facts.Purpose)}" +
                  $"&fileName={Uri.EscapeDataString(_file!.Name)}&uploadId={_uploadId}";
        await (await ModuleAsync()).InvokeVoidAsync("start", FileInput, url, _self);
    }

    private async Task CancelAsync() => await (await ModuleAsync()).InvokeVoidAsync("cancel", FileInput);

    [JSInvokable]
    public async Task UploadProgress(long loaded, long total)
    {
        _percent = total > 0 ? 100.0 * loaded / total : 0;
        if (loaded >= total && total > 0) _ = FollowCheckAsync(_uploadId!);
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>Once the bytes are sent, shows how far the server's line-by-line check has got, until the import answers.</summary>
    private async Task FollowCheckAsync(string id)
    {
        while (Uploading && _uploadId == id)
        {
            await Task.Delay(500);
            _checked = Progress.Find(id);
            await InvokeAsync(StateHasChanged);
        }
    }

    [JSInvokable]
    public async Task UploadFinished(int status, string body)
    {
        Uploading = false;
        if (status is 201 or 422) _result = JsonSerializer.Deserialize<ImportView>(body, JsonSerializerOptions.Web);
        else _message = status switch
        {
            -1 => "Import cancelled; nothing was stored.",
            400 => ProblemText(body),
            0 => body,
            _ => $"The portal answered {status}: {ProblemText(body)}",
        };
        if (_result?.Accepted == true) await ReloadAsync();
        await InvokeAsync(StateHasChanged);
    }

    private static string ProblemText(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("errors", out var errors))
                return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")));
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        if (_module is not null)
        {
            try { await _module.DisposeAsync(); } catch (JSDisconnectedException) { /* the browser is gone */ }
        }
    }

    private sealed record FileChoice(string Name, long Size);

    private sealed class Facts
    {
        public string Name { get; set; } = "";
        public string Source { get; set; } = "";
        public string Licence { get; set; } = "";
        public string Purpose { get; set; } = "";
    }
}
