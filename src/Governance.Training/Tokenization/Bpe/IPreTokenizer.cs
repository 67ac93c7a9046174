namespace Governance.Training.Tokenization.Bpe;

/// <summary>Cuts normalized text into the words BPE merges within; no merge crosses a word boundary.</summary>
internal interface IPreTokenizer
{
    IEnumerable<string> Split(string text);
}
