namespace Governance.Training.Tokenization.Bpe;

/// <summary>Adds a space before a word that lacks one, so a first word encodes like one mid-sentence.</summary>
internal sealed class PrefixSpacePreTokenizer : IPreTokenizer
{
    public IEnumerable<string> Split(string text) => [text.StartsWith(' ') ? text : " " + text];
}
