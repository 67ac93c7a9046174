using System.Buffers;

namespace Governance.Core.Pii;

/// <summary>
/// A maximal run of number characters (digits as the patterns' <c>\d</c> reads them, any Unicode decimal digit, and
/// the punctuation numbers are written with: space, <c>. - / ( ) +</c>) that holds at least one digit. A pattern made
/// of these characters only matches inside one run, so it need only run around the runs with enough digits.
/// </summary>
/// <param name="Start">Where the run starts (UTF-16 offset).</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Digits">How many digits it holds.</param>
public readonly record struct NumberRun(int Start, int End, int Digits)
{
    /// <summary>The punctuation a run may hold besides digits.</summary>
    public const string Punctuation = " .-/()+";

    /// <summary>Every character that is not an ASCII digit, except the non-ASCII ones (which may be digits).</summary>
    private static readonly SearchValues<char> AsciiNonDigits = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiDigit(c))]);

    private static readonly SearchValues<char> AsciiNumberCharacters = SearchValues.Create("0123456789" + Punctuation);

    /// <summary>Whether <paramref name="c"/> may be part of a run.</summary>
    public static bool IsNumberCharacter(char c) => char.IsAscii(c) ? AsciiNumberCharacters.Contains(c) : char.IsDigit(c);

    /// <summary>The runs of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<NumberRun> In(string text)
    {
        List<NumberRun>? runs = null;
        var from = 0;
        while (NextDigit(text, from) is var digit and >= 0)
        {
            var start = digit;
            while (start > from && IsNumberCharacter(text[start - 1])) start--;
            var (end, digits) = (digit, 0);
            for (; end < text.Length && IsNumberCharacter(text[end]); end++)
                if (char.IsDigit(text[end])) digits++;
            (runs ??= []).Add(new NumberRun(start, end, digits));
            from = end;
        }
        return runs ?? [];
    }

    /// <summary>Where the next digit at or after <paramref name="from"/> is, or -1.</summary>
    private static int NextDigit(string text, int from)
    {
        while (from < text.Length)
        {
            // Vectorised: the next ASCII digit or non-ASCII character; only the latter needs a closer look.
            var at = text.AsSpan(from).IndexOfAnyExcept(AsciiNonDigits);
            if (at < 0) return -1;
            if (char.IsDigit(text[from + at])) return from + at;
            from += at + 1;
        }
        return -1;
    }
}
