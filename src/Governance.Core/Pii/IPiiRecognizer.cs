namespace Governance.Core.Pii;

/// <summary>Finds one kind of personal data in a text.</summary>
public interface IPiiRecognizer
{
    /// <summary>The recognizer's name, as findings report it.</summary>
    string Name { get; }

    /// <summary>Candidates in <paramref name="text"/>, with their base scores (before context words).</summary>
    IEnumerable<PiiFinding> Recognize(string text);

    /// <summary>Words that, near a candidate, make it likelier (lower case).</summary>
    IReadOnlyList<string> ContextWords { get; }

    /// <summary>False when the text cannot hold a candidate, so that the pattern need not run (a cheap pre-check).</summary>
    bool MayMatch(TextProfile profile) => true;
}

/// <summary>What a text holds, counted once per scan for the recognizers' pre-checks.</summary>
/// <param name="Text">The text.</param>
/// <param name="Digits">How many ASCII digits it has.</param>
public sealed record TextProfile(string Text, int Digits)
{
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
}
