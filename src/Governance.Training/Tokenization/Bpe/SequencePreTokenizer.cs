namespace Governance.Training.Tokenization.Bpe;

/// <summary>Applies pre-tokenizers in turn, each to every word the previous one produced.</summary>
internal sealed class SequencePreTokenizer(IReadOnlyList<IPreTokenizer> steps) : IPreTokenizer
{
    public IEnumerable<string> Split(string text) =>
        steps.Aggregate<IPreTokenizer, IEnumerable<string>>([text], (words, step) => words.SelectMany(step.Split));
}
