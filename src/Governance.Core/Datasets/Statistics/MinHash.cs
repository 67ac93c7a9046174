using System.Buffers;

namespace Governance.Core.Datasets.Statistics;

/// <summary>
/// MinHash signatures over word 3-shingles: <see cref="Permutations"/> independent hash functions, each keeping the
/// smallest hash over a record's shingles. The share of positions where two signatures agree estimates the Jaccard
/// similarity of the two shingle sets. Each minimum is kept to its low 16 bits (b-bit MinHash), which costs 128 bytes
/// per record and shifts the estimate by at most 2^-16.
/// </summary>
public static class MinHash
{
    /// <summary>Hash functions per signature.</summary>
    public const int Permutations = 64;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 3;

    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>Writes the signature of <paramref name="text"/> into <paramref name="signature"/> (length <see cref="Permutations"/>).</summary>
    public static void Sign(string text, Span<ushort> signature)
    {
        if (signature.Length != Permutations) throw new ArgumentException($"A signature has {Permutations} positions.", nameof(signature));
        Span<ulong> minima = stackalloc ulong[Permutations];
        minima.Fill(ulong.MaxValue);
        var words = ArrayPool<ulong>.Shared.Rent(Math.Max(16, text.Length / 2 + 1));
        try
        {
            var count = WordHashes(text, words);
            var shingles = Math.Max(1, count - ShingleWords + 1);
            for (var s = 0; s < shingles; s++)
            {
                var shingle = 0xcbf29ce484222325UL;
                for (var w = s; w < Math.Min(count, s + ShingleWords); w++) shingle = Mix(shingle ^ words[w]);
                for (var p = 0; p < Permutations; p++)
                {
                    var value = Mix(shingle ^ Seeds[p]);
                    if (value < minima[p]) minima[p] = value;
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(words);
        }
        for (var p = 0; p < Permutations; p++) signature[p] = (ushort)minima[p];
    }

    /// <summary>The Jaccard similarity that two signatures estimate, 0-1.</summary>
    public static double Similarity(ReadOnlySpan<ushort> first, ReadOnlySpan<ushort> second)
    {
        var equal = 0;
        for (var p = 0; p < Permutations; p++) if (first[p] == second[p]) equal++;
        // Two different minima still agree in their low 16 bits with probability 2^-16: remove that share.
        const double chance = 1.0 / 65536;
        return Math.Clamp((equal / (double)Permutations - chance) / (1 - chance), 0, 1);
    }

    /// <summary>Hashes each word (a run of letters or digits, lower-cased) of <paramref name="text"/>; returns how many.</summary>
    private static int WordHashes(string text, ulong[] hashes)
    {
        var count = 0;
        var hash = 0xcbf29ce484222325UL;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 0x100000001b3UL;
                inWord = true;
            }
            else if (inWord)
            {
                hashes[count++] = hash;
                hash = 0xcbf29ce484222325UL;
                inWord = false;
            }
        }
        if (inWord) hashes[count++] = hash;
        return count;
    }

    /// <summary>SplitMix64's finaliser: a fast, well-spread 64-bit mix.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Permutations];
        var state = 0x9e3779b97f4a7c15UL;
        for (var p = 0; p < Permutations; p++) seeds[p] = Mix(state += 0x9e3779b97f4a7c15UL);
        return seeds;
    }
}
