namespace Governance.Training.Tokenization.Bpe;

/// <summary>Isolates digits, each alone or as runs (the "Digits" pre-tokenizer of tokenizer.json).</summary>
internal sealed class DigitsPreTokenizer(bool individualDigits) : IPreTokenizer
{
    public IEnumerable<string> Split(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            var digit = char.IsDigit(text[start]);
            if (!(digit && individualDigits))
                while (end < text.Length && char.IsDigit(text[end]) == digit) end++;
            yield return text[start..end];
            start = end;
        }
    }
}
