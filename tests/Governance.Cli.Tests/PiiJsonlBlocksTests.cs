using System.Text;
using Governance.Cli.Commands;

namespace Governance.Cli.Tests;

public sealed class PiiJsonlBlocksTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"governance-blocks-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public void Blocks_hold_whole_lines_numbered_from_the_file_without_its_byte_order_mark_or_blank_lines()
    {
        // A line longer than a block (1 MiB), CRLF endings, a blank line and no newline at the end.
        var longLine = $"{{\"text\":\"{new string('a', 1_500_000)}\"}}";
        var lines = Enumerable.Range(0, 20_000).Select(i => $"{{\"n\":{i}}}").ToList();
        lines.Insert(7_000, longLine);
        lines.Insert(9_000, "  ");
        File.WriteAllBytes(_file, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines))]);

        var read = new List<(long Number, string Line)>();
        foreach (var block in PiiJsonlBlocks.Read(_file))
            block.ForEachLine((line, number) => read.Add((number, Encoding.UTF8.GetString(line).TrimEnd('\r'))));

        var expected = lines.Select((line, i) => (Number: i + 1L, Line: line)).Where(l => l.Line != "  ").ToList();
        Assert.Equal(expected, read);
        Assert.True(PiiJsonlBlocks.Read(_file).Count() > 1);
    }

    public void Dispose() => File.Delete(_file);
}
