using System.Buffers;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// Words, case-sensitive, that a pattern matches only with whitespace (<c>\s</c>) just before them or just after them:
/// a pre-check tighter than <see cref="Markers"/>, which ignore case and the text around a value ("replacement" holds
/// "place" but no whitespace before it). As with <see cref="Markers"/>, non-ASCII words are searched only in texts that
/// have a non-ASCII character, and the others in sets of <see cref="Markers.GroupSize"/> (one set of all measured three
/// times slower).
/// </summary>
internal sealed class SpacedWords
{
    private readonly string[] _spaceBefore;
    private readonly string[] _spaceAfter;
    private readonly SearchValues<string>[] _ascii;
    private readonly SearchValues<string>? _others;

    /// <summary>Words that need whitespace before them and words that need it after them.</summary>
    public SpacedWords(string[] spaceBefore, string[] spaceAfter)
    {
        (_spaceBefore, _spaceAfter) = (spaceBefore, spaceAfter);
        string[] words = [.. spaceBefore.Union(spaceAfter)];
        _ascii = [.. words.Where(w => w.All(char.IsAscii)).Chunk(Markers.GroupSize).Select(group => SearchValues.Create(group, StringComparison.Ordinal))];
        var others = words.Where(w => !w.All(char.IsAscii)).ToArray();
        _others = others.Length > 0 ? SearchValues.Create(others, StringComparison.Ordinal) : null;
    }

    /// <summary>Whether <paramref name="text"/> has one of the words with whitespace on its side.</summary>
    public bool In(ReadOnlySpan<char> text)
    {
        foreach (var group in _ascii)
            if (Any(text, group)) return true;
        return _others is not null && text.ContainsAnyExceptInRange('\0', '\u007f') && Any(text, _others);
    }

    private bool Any(ReadOnlySpan<char> text, SearchValues<string> words)
    {
        for (var from = 0; from < text.Length;)
        {
            var at = text[from..].IndexOfAny(words);
            if (at < 0) return false;
            if (Spaced(text, from + at)) return true;
            from += at + 1;
        }
        return false;
    }

    /// <summary>Whether a word starts at <paramref name="at"/> with whitespace on the side it needs.</summary>
    private bool Spaced(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (at > 0 && char.IsWhiteSpace(text[at - 1]))
            foreach (var word in _spaceBefore)
                if (rest.StartsWith(word, StringComparison.Ordinal)) return true;
        foreach (var word in _spaceAfter)
            if (rest.Length > word.Length && char.IsWhiteSpace(rest[word.Length]) && rest.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }
}
