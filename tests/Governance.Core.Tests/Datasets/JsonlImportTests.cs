using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using static Governance.Core.Tests.Datasets.ImportReading;

namespace Governance.Core.Tests.Datasets;

public sealed class JsonlImportTests
{
    [Theory]
    [InlineData("""{"prompt":"p","completion":"c"}""", RecordShape.PromptCompletion)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}""", RecordShape.Messages)]
    [InlineData("""{"prompt":"p","chosen":"a","rejected":"b"}""", RecordShape.Preference)]
    [InlineData("""{"text":"raw domain text"}""", RecordShape.Text)]
    [InlineData("""{"text":"great","label":"positive"}""", RecordShape.Classification)]
    [InlineData("""{"text":"great","labels":["positive","short"]}""", RecordShape.Classification)]
    public async Task Each_recognised_shape_is_detected(string line, RecordShape shape)
    {
        var (report, records) = await ReadAsync(line + "\n" + line + "\n", ImportFormat.Jsonl);
        Assert.True(report.Accepted, report.Summary);
        Assert.Equal(shape, report.Shape);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task Extra_fields_are_kept_as_metadata_and_listed()
    {
        var (report, records) = await ReadAsync("""{"prompt":"p","completion":"c","source":"wiki","score":0.5}""", ImportFormat.Jsonl);
        Assert.Equal(["score", "source"], report.MetadataFields);
        Assert.Equal("wiki", records[0].Metadata["source"].GetString());
        Assert.Equal(0.5, records[0].Metadata["score"].GetDouble());
    }

    [Fact]
    public async Task Windows_line_ends_a_byte_order_mark_and_blank_lines_are_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\"text\":\"a\"}\r\n\r\n{\"text\":\"b\"}"u8.ToArray()).ToArray();
        var (report, records) = await ReadAsync(bytes, ImportFormat.Jsonl);
        Assert.True(report.Accepted, report.Summary);
        Assert.Equal(["a", "b"], records.Select(r => r.Text));
    }

    [Fact]
    public async Task Every_bad_line_is_reported_with_its_number_and_reason_and_the_file_is_rejected()
    {
        var file = string.Join("\n",
            """{"prompt":"p","completion":"c"}""",        // 1 good
            """{"prompt":"p","completion":""",            // 2 malformed
            """{"prompt":"p"}""",                         // 3 missing completion
            """{"prompt":3,"completion":"c"}""",          // 4 wrong type
            """{"text":"mixed"}""",                       // 5 another shape
            """["not","an","object"]""",                  // 6 not an object
            """{"foo":"bar"}""",                          // 7 no shape
            """{"prompt":"p","completion":"c"}""");       // 8 good
        var (report, _) = await ReadAsync(file, ImportFormat.Jsonl);

        Assert.False(report.Accepted);
        Assert.Equal([2L, 3, 4, 5, 6, 7], report.Errors.Select(e => e.Line));
        Assert.StartsWith("malformed JSON", report.Errors[0].Reason);
        Assert.Equal("field 'completion' is missing", report.Errors[1].Reason);
        Assert.Equal("field 'prompt' must be a string, got a number", report.Errors[2].Reason);
        Assert.Contains("mixed shapes: this record is Text, but line 1 made the file PromptCompletion", report.Errors[3].Reason);
        Assert.Contains("must be a JSON object, not a list", report.Errors[4].Reason);
        Assert.Contains("no recognised record shape", report.Errors[5].Reason);
        Assert.StartsWith("Rejected: 6 bad line(s)", report.Summary);
    }

    [Fact]
    public async Task Invalid_UTF8_is_reported_on_its_line()
    {
        var bytes = "{\"text\":\"ok\"}\n{\"text\":\""u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}\n"u8.ToArray()).ToArray();
        var (report, _) = await ReadAsync(bytes, ImportFormat.Jsonl);
        Assert.Equal(new ImportError(2, "the line is not valid UTF-8; save the file as UTF-8"), Assert.Single(report.Errors));
    }

    [Fact]
    public async Task A_line_over_the_limit_is_reported_with_its_length_and_the_setting()
    {
        var file = "{\"text\":\"short\"}\n{\"text\":\"" + new string('x', 200) + "\"}\n{\"text\":\"short\"}";
        var (report, _) = await ReadAsync(file, ImportFormat.Jsonl, new ImportLimits(MaxLineBytes: 100));
        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("the line is 211 bytes; the limit is 100 (setting Datasets:MaxLineBytes)", error.Reason);
    }

    [Fact]
    public async Task A_zero_byte_file_and_a_file_of_blank_lines_each_get_their_own_message()
    {
        var (empty, _) = await ReadAsync("", ImportFormat.Jsonl);
        var (blank, _) = await ReadAsync("\n  \n\n", ImportFormat.Jsonl);
        Assert.Equal("the file is empty (0 bytes)", Assert.Single(empty.Errors).Reason);
        Assert.Equal("the file holds no records, only blank lines", Assert.Single(blank.Errors).Reason);
        Assert.False(empty.Accepted || blank.Accepted);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<Validation.ValidationError>(() => new ImportLimits(MaxFileBytes: 1000).CheckFileSize(1001));
        Assert.Equal("file", error.Field);
        Assert.Contains("Datasets:MaxUploadBytes", error.Message);
        Assert.Throws<Validation.ValidationError>(() => ImportLimits.Default.CheckFileSize(0));
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "field 'messages' is empty")]
    [InlineData("""{"messages":[{"role":"bot","content":"x"}]}""", "messages[0].role 'bot' is not one of system, user, assistant, tool")]
    [InlineData("""{"messages":[{"role":"user"}]}""", "messages[0].content is missing")]
    [InlineData("""{"text":"t","label":"a","labels":["b"]}""", "give either 'label' or 'labels', not both")]
    [InlineData("""{"text":"t","labels":"b"}""", "field 'labels' must be a list of labels, got a string")]
    [InlineData("""{"prompt":"p","completion":"c","chosen":"x","rejected":"y"}""", "field(s) 'completion' do not belong with the others")]
    public async Task Field_errors_name_the_field_and_the_fix(string line, string expected)
    {
        var (report, _) = await ReadAsync(line, ImportFormat.Jsonl);
        Assert.Contains(expected, Assert.Single(report.Errors).Reason);
    }

    [Fact]
    public async Task A_metadata_object_holds_metadata_fields_so_the_canonical_form_reads_back_unchanged()
    {
        var canonical = """{"text":"t","metadata":{"lang":"en","n":2}}""";
        var (_, records) = await ReadAsync(canonical, ImportFormat.Jsonl);
        Assert.Equal(canonical, CanonicalJson.SerializeToString(records[0]));
        var (clash, _) = await ReadAsync("""{"text":"t","lang":"de","metadata":{"lang":"en"}}""", ImportFormat.Jsonl);
        Assert.Equal("'lang' is given both as a field and inside 'metadata'", Assert.Single(clash.Errors).Reason);
    }

    [Fact]
    public async Task Numeric_labels_are_kept_as_their_text()
    {
        var (_, records) = await ReadAsync("""{"text":"t","label":1}""", ImportFormat.Jsonl);
        Assert.Equal(["1"], records[0].Labels);
    }

    [Fact]
    public async Task Listed_errors_stop_at_the_limit_but_all_are_counted()
    {
        var file = string.Join("\n", Enumerable.Repeat("{", 50));
        var (report, _) = await ReadAsync(file, ImportFormat.Jsonl, new ImportLimits(MaxListedErrors: 10));
        Assert.Equal(10, report.Errors.Count);
        Assert.Equal(50, report.ErrorCount);
    }
}
