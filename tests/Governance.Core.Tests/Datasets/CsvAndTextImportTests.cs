using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using static Governance.Core.Tests.Datasets.ImportReading;

namespace Governance.Core.Tests.Datasets;

public sealed class CsvAndTextImportTests
{
    [Fact]
    public async Task CSV_fields_may_be_quoted_hold_commas_doubled_quotes_and_line_breaks()
    {
        var csv = "prompt,completion,source\n\"Say \"\"hi\"\", please\",\"Hi,\nthere\",wiki\nplain,text,\n";
        var (report, records) = await ReadAsync(csv, ImportFormat.Csv);

        Assert.True(report.Accepted, report.Summary);
        Assert.Equal(RecordShape.PromptCompletion, report.Shape);
        Assert.Equal("Say \"hi\", please", records[0].Prompt);
        Assert.Equal("Hi,\nthere", records[0].Completion);
        Assert.Equal("wiki", records[0].Metadata["source"].GetString());
        Assert.False(records[1].Metadata.ContainsKey("source"));
    }

    [Fact]
    public async Task CSV_messages_and_labels_columns_hold_JSON_lists()
    {
        var csv = "text,labels\n\"good, short\",\"[\"\"pos\"\",\"\"short\"\"]\"\n";
        var (report, records) = await ReadAsync(csv, ImportFormat.Csv);
        Assert.True(report.Accepted, report.Summary);
        Assert.Equal(["pos", "short"], records[0].Labels);
    }

    [Fact]
    public async Task CSV_rows_report_their_first_line_and_what_is_wrong()
    {
        var csv = string.Join("\n",
            "prompt,completion",
            "a,b",
            "only-one-field",
            "\"multi",
            "line\",x,y",
            "bad\"quote,z",
            "\"never closed,z");
        var (report, _) = await ReadAsync(csv, ImportFormat.Csv);

        Assert.Equal([3L, 4, 6, 7], report.Errors.Select(e => e.Line));
        Assert.Equal("the row has 1 field(s); the header has 2", report.Errors[0].Reason);
        Assert.Equal("the row has 3 field(s); the header has 2", report.Errors[1].Reason);
        Assert.Contains("quote inside an unquoted field", report.Errors[2].Reason);
        Assert.Contains("never closed", report.Errors[3].Reason);
    }

    [Fact]
    public async Task A_CSV_header_with_a_repeated_column_is_refused()
    {
        var (report, _) = await ReadAsync("text,text\na,b\n", ImportFormat.Csv);
        Assert.Equal(new ImportError(1, "the header names 'text' twice"), Assert.Single(report.Errors));
    }

    [Fact]
    public async Task Plain_text_records_are_separated_by_blank_lines_and_numbered_by_their_first_line()
    {
        var (report, records) = await ReadAsync("first paragraph\nstill first\n\n\nsecond\n", ImportFormat.Text);
        Assert.True(report.Accepted, report.Summary);
        Assert.Equal(RecordShape.Text, report.Shape);
        Assert.Equal(["first paragraph\nstill first", "second"], records.Select(r => r.Text));
    }

    [Theory]
    [InlineData("data.jsonl", ImportFormat.Jsonl)]
    [InlineData("DATA.CSV", ImportFormat.Csv)]
    [InlineData("corpus.txt", ImportFormat.Text)]
    public void The_format_follows_the_file_extension(string name, ImportFormat format) =>
        Assert.Equal(format, ImportFormats.FromFileName(name));

    [Fact]
    public void An_unknown_extension_is_refused_naming_the_accepted_ones() =>
        Assert.Contains(".jsonl, .csv or .txt", Assert.Throws<Validation.ValidationError>(() => ImportFormats.FromFileName("a.xlsx")).Message);
}
