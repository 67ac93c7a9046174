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
}
