using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Tests.Datasets;

public sealed class ImportPreviewTests
{
    [Fact]
    public async Task The_preview_judges_complete_lines_only_and_names_shape_format_and_metadata()
    {
        var head = "{\"prompt\":\"a\",\"completion\":\"b\",\"team\":\"web\"}\n{\"prompt\":\"c\",\"completion\":\"d\"}\n{\"prompt\":\"cut o";

        var report = await ImportPreview.ReadAsync("chats.jsonl", head, wholeFile: false, ImportLimits.Default);
        var whole = await ImportPreview.ReadAsync("chats.jsonl", head, wholeFile: true, ImportLimits.Default);

        Assert.Equal((RecordShape.PromptCompletion, ImportFormat.Jsonl, 2L, 0L), (report.Shape!.Value, report.Format, report.Records, report.ErrorCount));
        Assert.Equal(["team"], report.MetadataFields);
        Assert.Equal(3, whole.Errors.Single().Line);
    }
}
