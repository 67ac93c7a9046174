namespace Governance.Core.Evaluation;

/// <summary>
/// ROUGE-L F-measure without stemming, as Google's rouge-score computes "rougeL": both texts lower-cased and cut into
/// runs of letters and digits, then the longest common subsequence of tokens gives precision (over the prediction)
/// and recall (over the reference). rouge-score keeps only ASCII letters and digits; here any script's letters count,
/// which gives the same tokens on ASCII text. An empty side scores 0, as in rouge-score.
/// </summary>
public static class RougeL
{
    /// <summary>The ROUGE-L F-measure of <paramref name="prediction"/> against <paramref name="reference"/>.</summary>
    public static double FMeasure(string prediction, string reference)
    {
        var predicted = Tokens(prediction);
        var expected = Tokens(reference);
        if (predicted.Count == 0 || expected.Count == 0) return 0;
        var common = LongestCommonSubsequence(predicted, expected);
        if (common == 0) return 0;
        var precision = common / (double)predicted.Count;
        var recall = common / (double)expected.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>The lower-cased runs of letters and digits of <paramref name="text"/>.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var lower = text.ToLowerInvariant();
        for (var start = 0; start < lower.Length;)
        {
            if (!char.IsLetterOrDigit(lower[start])) { start++; continue; }
            var end = start;
            while (end < lower.Length && char.IsLetterOrDigit(lower[end])) end++;
            tokens.Add(lower[start..end]);
            start = end;
        }
        return tokens;
    }

    private static int LongestCommonSubsequence(List<string> first, List<string> second)
    {
        var previous = new int[second.Count + 1];
        var current = new int[second.Count + 1];
        foreach (var token in first)
        {
            for (var j = 1; j <= second.Count; j++)
                current[j] = token == second[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[second.Count];
    }
}
