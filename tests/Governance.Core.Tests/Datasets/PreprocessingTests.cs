using Governance.Core.Datasets.Preprocessing;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Datasets;

public sealed class PreprocessingTests
{
    private static readonly PreprocessingPlan All = PreprocessingPlan.Default;

    [Fact]
    public void NFC_composes_decomposed_characters()
    {
        Assert.Equal("Café", TextNormalizer.Apply("Cafe\u0301", All with { Whitespace = false, ControlCharacters = false }));
    }

    [Fact]
    public void Control_characters_go_but_line_feeds_tabs_and_emoji_joiners_stay()
    {
        var plan = All with { Nfc = false, Whitespace = false };
        Assert.Equal("a\tb\nc👩\u200D💻d", TextNormalizer.Apply("a\tb\u0007\n\u200Bc👩\u200D💻\u0000d\u001B", plan));
    }

    [Fact]
    public void White_space_collapses_within_lines_trims_them_and_keeps_at_most_one_blank_line()
    {
        var plan = All with { Nfc = false, ControlCharacters = false };
        Assert.Equal("one two\n\nthree", TextNormalizer.Apply("  one \t  two  \r\n\n\n\n  three\n\n", plan));
    }

    [Fact]
    public void Every_text_field_is_cleaned_but_labels_and_metadata_are_not()
    {
        var record = new DatasetRecord
        {
            Shape = RecordShape.Messages, Messages = [new ChatTurn("user", " hi  there ")],
        };
        Assert.Equal("hi there", TextNormalizer.Apply(record, All).Messages![0].Content);
        var labelled = new DatasetRecord { Shape = RecordShape.Classification, Text = "x  y", Labels = ["  keep  "] };
        Assert.Equal(["  keep  "], TextNormalizer.Apply(labelled, All).Labels);
    }

    [Fact]
    public void GPT2_token_counts_match_the_reference_encoding()
    {
        Assert.Equal(4, GptTokens.Count("Hello world, again"));
        Assert.Equal(0, GptTokens.Count(""));
    }

    [Theory]
    [InlineData(false, false, false, false, null, null, "steps")]
    [InlineData(true, true, true, true, 10, 5, "minTokens")]
    [InlineData(true, true, true, true, -1, null, "minTokens")]
    [InlineData(true, true, true, true, null, 0, "maxTokens")]
    public void Plans_that_do_nothing_or_cannot_hold_a_record_are_refused(bool nfc, bool ws, bool cc, bool dedup, int? min, int? max, string field)
    {
        Assert.Equal(field, Assert.Throws<ValidationError>(() => new PreprocessingPlan(nfc, ws, cc, dedup, min, max).Validate()).Field);
    }
}
