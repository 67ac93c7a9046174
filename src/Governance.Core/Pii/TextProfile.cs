namespace Governance.Core.Pii;

/// <summary>What a text holds, counted once per scan for the recognizers' pre-checks and candidate passes.</summary>
/// <param name="text">The text.</param>
/// <param name="digits">How many ASCII digits it has.</param>
public sealed class TextProfile(string text, int digits)
{
    /// <summary>The text.</summary>
    public string Text { get; } = text;

    /// <summary>How many ASCII digits it has.</summary>
    public int Digits { get; } = digits;

    private IReadOnlyList<NumberRun>? _numbers;

    /// <summary>The profile of <paramref name="text"/>.</summary>
    public static TextProfile Of(string text)
    {
        var digits = 0;
        var span = text.AsSpan();
        for (var at = span.IndexOfAnyInRange('0', '9'); at >= 0; at = span.IndexOfAnyInRange('0', '9'))
        {
            digits++;
            span = span[(at + 1)..];
        }
        return new TextProfile(text, digits);
    }

    /// <summary>Whether the text contains <paramref name="value"/> (ordinal, or ignoring case).</summary>
    public bool Has(string value, bool ignoreCase = false) =>
        Text.Contains(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The text's runs of number characters that hold a digit (<see cref="NumberRun"/>), found on first use.</summary>
    public IReadOnlyList<NumberRun> Numbers => _numbers ??= NumberRun.In(Text);
}
