namespace Governance.Training.Tokenization.Bpe;

/// <summary>SentencePiece's spaces: each space becomes '▁', optionally one is prepended, and words start at each '▁'.</summary>
internal sealed class MetaspacePreTokenizer(char replacement, bool prepend, bool split) : IPreTokenizer
{
    public IEnumerable<string> Split(string text)
    {
        var replaced = text.Replace(' ', replacement);
        if (prepend && replaced.Length > 0 && replaced[0] != replacement) replaced = replacement + replaced;
        if (!split)
        {
            yield return replaced;
            yield break;
        }
        var start = 0;
        for (var i = 1; i <= replaced.Length; i++)
            if (i == replaced.Length || replaced[i] == replacement)
            {
                yield return replaced[start..i];
                start = i;
            }
    }
}
