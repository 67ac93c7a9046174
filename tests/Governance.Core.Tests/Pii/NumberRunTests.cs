using Governance.Core.Pii;

namespace Governance.Core.Tests.Pii;

public sealed class NumberRunTests
{
    private static List<(string Run, int Digits)> Runs(string text) => [.. NumberRun.In(text).Select(r => (text[r.Start..r.End], r.Digits))];

    [Fact]
    public void Runs_are_digits_with_the_punctuation_numbers_are_written_with_and_end_at_anything_else()
    {
        Assert.Equal([(" +44 20 7946 0958 ", 12), (" (415) 555-0132", 10)], Runs("call +44 20 7946 0958 or (415) 555-0132"));
        Assert.Equal([(" 1.2.3.4", 4), ("5", 1)], Runs("Build 1.2.3.4a5, done"));
    }

    [Fact]
    public void Digits_of_any_script_count_as_the_patterns_read_them()
    {
        Assert.Equal([(" ١٢٣-٤٥-٦٧٨٩", 9)], Runs("SSN ١٢٣-٤٥-٦٧٨٩"));
    }

    [Fact]
    public void Punctuation_without_a_digit_is_no_run()
    {
        Assert.Empty(Runs("well - (maybe) / not + . done"));
        Assert.Empty(Runs(""));
    }
}
