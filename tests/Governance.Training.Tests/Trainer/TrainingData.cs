using Governance.Training.Objectives;
using Governance.Training.Tests.Models;

namespace Governance.Training.Tests.Trainer;

/// <summary>
/// Small fixed sets of token examples for the tiny GPT-2, with prompts and completions of different lengths. Completions
/// count on from the prompt's last token (7, 8, 9, ...), a rule a tiny model learns in a few steps.
/// </summary>
public static class TrainingData
{
    public static List<TokenExample> Completions(int count, int seed = 3)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var prompt = RandomTokens(random, random.Next(2, 6));
            return TokenExample.FromCompletion(prompt, CountingOn(prompt, random.Next(3, 8)));
        })];
    }

    /// <summary>The chosen completion counts on; the rejected one is random.</summary>
    public static List<PreferencePair> Preferences(int count, int seed = 5)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var prompt = RandomTokens(random, random.Next(2, 5));
            return new PreferencePair(prompt, CountingOn(prompt, random.Next(2, 6)), RandomTokens(random, random.Next(2, 6)));
        })];
    }

    private static long[] CountingOn(long[] prompt, int length) =>
        [.. Enumerable.Range(1, length).Select(i => (prompt[^1] + i) % TinyGpt2.Config.VocabSize)];

    private static long[] RandomTokens(Random random, int length) =>
        [.. Enumerable.Range(0, length).Select(_ => (long)random.Next(TinyGpt2.Config.VocabSize))];
}
