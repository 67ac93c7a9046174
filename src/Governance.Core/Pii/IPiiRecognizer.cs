namespace Governance.Core.Pii;

/// <summary>Finds one kind of personal data in a text.</summary>
public interface IPiiRecognizer
{
    /// <summary>The recognizer's name, as findings report it.</summary>
    string Name { get; }

    /// <summary>Candidates in <paramref name="text"/>, with their base scores (before context words).</summary>
    IEnumerable<PiiFinding> Recognize(string text);

    /// <summary>
    /// The same candidates as <see cref="Recognize(string)"/>, in the same order, found with the help of the text's
    /// <paramref name="profile"/> (e.g. only around its runs of digits); the scanner calls this one.
    /// </summary>
    IEnumerable<PiiFinding> Recognize(string text, TextProfile profile) => Recognize(text);

    /// <summary>Words that, near a candidate, make it likelier (lower case).</summary>
    IReadOnlyList<string> ContextWords { get; }

    /// <summary>False when the text cannot hold a candidate, so that the pattern need not run (a cheap pre-check).</summary>
    bool MayMatch(TextProfile profile) => true;
}
