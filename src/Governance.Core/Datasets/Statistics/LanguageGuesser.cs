using System.Globalization;

namespace Governance.Core.Datasets.Statistics;

/// <summary>
/// A light guess at a text's language, good enough for a dataset's language mix: the dominant script decides for
/// scripts that one language owns (Greek, Hebrew, Thai, Hangul, Japanese kana, Han); Latin-script text is scored
/// against the commonest words of English, German, French, Spanish, Italian, Portuguese and Dutch; Cyrillic tells
/// Ukrainian from Russian by its letters. Codes are ISO 639-1; "und" when nothing decides.
/// </summary>
public static class LanguageGuesser
{
    /// <summary>The code for text whose language is not determined.</summary>
    public const string Undetermined = "und";

    private static readonly (string Code, HashSet<string> Words)[] LatinLanguages =
    [
        ("en", Words("the and of to is in that it for you was with on are be this have not what how can your")),
        ("de", Words("der die und das ist nicht ein eine zu den mit sich des auf für ich sie wie auch dem wir")),
        ("fr", Words("le la les et est des une un pas pour que qui dans sur vous du au avec ce il elle sont nous")),
        ("es", Words("el la los las y es que de en un una por para con no se lo su del como pero más está")),
        ("it", Words("il la che di e è un una per non sono con del della gli le si anche come ma questo ho")),
        ("pt", Words("o a os as e é que de em um uma para com não do da se por mais como mas você está são")),
        ("nl", Words("de het een en is van dat niet in op te zijn met voor je ik er maar ook wat hoe")),
    ];

    /// <summary>The ISO 639-1 code of <paramref name="text"/>'s language, or <see cref="Undetermined"/>.</summary>
    public static string Guess(string text)
    {
        int latin = 0, cyrillic = 0, greek = 0, hebrew = 0, arabic = 0, devanagari = 0, thai = 0, hangul = 0, kana = 0, han = 0, ukrainian = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            switch (c)
            {
                case <= '\u024F': latin++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0400' and <= '\u04FF':
                    cyrillic++;
                    if (c is 'ї' or 'є' or 'і' or 'ґ' or 'Ї' or 'Є' or 'І' or 'Ґ') ukrainian++;
                    break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0600' and <= '\u06FF': arabic++; break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
            }
        }
        var scripts = new (string Code, int Count)[]
        {
            ("latin", latin), (ukrainian > 0 ? "uk" : "ru", cyrillic), ("el", greek), ("he", hebrew), ("ar", arabic),
            ("hi", devanagari), ("th", thai), ("ko", hangul), ("ja", kana + (kana > 0 ? han : 0)), ("zh", kana > 0 ? 0 : han),
        };
        var top = scripts.MaxBy(s => s.Count);
        if (top.Count == 0) return Undetermined;
        return top.Code == "latin" ? GuessLatin(text) : top.Code;
    }

    private static string GuessLatin(string text)
    {
        Span<int> scores = stackalloc int[LatinLanguages.Length];
        var words = text.ToLower(CultureInfo.InvariantCulture)
            .Split((char[])[' ', '\n', '\t', '\r', '.', ',', ';', ':', '!', '?', '"', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
            for (var l = 0; l < LatinLanguages.Length; l++)
                if (LatinLanguages[l].Words.Contains(word)) scores[l]++;
        int best = -1, bestScore = 0, second = 0;
        for (var l = 0; l < scores.Length; l++)
        {
            if (scores[l] > bestScore) { second = bestScore; bestScore = scores[l]; best = l; }
            else if (scores[l] > second) second = scores[l];
        }
        // One function word proves little; a tie between languages proves nothing.
        return best < 0 || bestScore < 2 || bestScore == second ? Undetermined : LatinLanguages[best].Code;
    }

    private static HashSet<string> Words(string list) => new(list.Split(' '), StringComparer.Ordinal);
}
