using System.Buffers;

namespace Governance.Core.Pii.Recognizers;

/// <summary>
/// Strings a text must contain (ignoring case) before a pattern is worth running. A single non-ASCII value sends
/// <see cref="SearchValues{T}"/> down a search several times slower for all values, so the ASCII values are searched
/// apart, and the others only in texts that have a non-ASCII character (which each of them needs to match). Many values
/// in one set share the vectorised search's buckets and make it check many false starts: sets of eight measured three
/// times faster than one of fifty.
/// </summary>
internal sealed class Markers
{
    /// <summary>How many values one vectorised search looks for.</summary>
    internal const int GroupSize = 8;
    private readonly SearchValues<string>[] _ascii;
    private readonly SearchValues<string>? _others;

    /// <summary>Markers for <paramref name="values"/>.</summary>
    public Markers(IEnumerable<string> values)
    {
        var (ascii, others) = (new List<string>(), new List<string>());
        foreach (var value in values)
        {
            // Some non-ASCII letters fold to ASCII ones ('ſ' to 'S'): such a value could match an ASCII text.
            if (value.Any(c => !char.IsAscii(c) && char.IsAscii(char.ToUpperInvariant(c))))
                throw new ArgumentException($"'{value}' has a letter that folds to ASCII.", nameof(values));
            (value.All(char.IsAscii) ? ascii : others).Add(value);
        }
        _ascii = [.. ascii.Chunk(GroupSize).Select(group => SearchValues.Create(group, StringComparison.OrdinalIgnoreCase))];
        _others = others.Count > 0 ? SearchValues.Create(others.ToArray(), StringComparison.OrdinalIgnoreCase) : null;
    }

    /// <summary>Whether <paramref name="text"/> contains any of the values, ignoring case.</summary>
    public bool In(ReadOnlySpan<char> text)
    {
        foreach (var group in _ascii)
            if (text.ContainsAny(group)) return true;
        return _others is not null && text.ContainsAnyExceptInRange('\0', '\u007f') && text.ContainsAny(_others);
    }
}
