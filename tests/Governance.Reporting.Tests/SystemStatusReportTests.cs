using Governance.Reporting.SystemStatus;
using UglyToad.PdfPig;

namespace Governance.Reporting.Tests;

public sealed class SystemStatusReportTests
{
    private static SystemStatusFacts Facts(int workers) => new(
        new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero), "admin", "Sqlite database, InMemory messaging", "Degraded",
        [("database", "Healthy", ""), ("broker", "Degraded", "Not connected"), ("workers", "Healthy", "1 live worker(s)")],
        [.. Enumerable.Range(1, workers).Select(i => ($"gpu-worker-{i:000}", i % 2 == 0 ? "Lost" : "Live", "CUDA: NVIDIA H200", "1.0.0",
            new DateTimeOffset(2026, 11, 29, 9, 29, 0, TimeSpan.Zero)))],
        [("Administrator", 1, 0), ("Annotator", 12, 3)]);

    private static IReadOnlyList<string[]> WordsPerPage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.GetWords().Select(w => w.Text).ToArray())];
    }

    [Fact]
    public void The_report_reads_back_with_its_title_health_workers_and_role_counts()
    {
        var pages = WordsPerPage(SystemStatusReport.Render(Facts(workers: 2)));
        var words = pages.SelectMany(p => p).ToList();

        Assert.Single(pages);
        Assert.Contains("Degraded", words);
        Assert.Contains("gpu-worker-001", words);
        Assert.Contains("gpu-worker-002", words);
        Assert.Contains("H200", words);
        var annotator = words.IndexOf("Annotator");
        Assert.Equal(["12", "3"], words.Skip(annotator + 1).Take(2));
        Assert.Contains("2026-11-29", words);
    }

    [Fact]
    public void A_long_table_continues_on_further_pages_each_with_the_header_and_a_page_number()
    {
        var pages = WordsPerPage(SystemStatusReport.Render(Facts(workers: 120)));

        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        Assert.All(pages.Skip(1).SkipLast(1), page => Assert.Contains("Worker", page));
        Assert.Contains("gpu-worker-120", pages.SelectMany(p => p));
        for (var i = 0; i < pages.Count; i++) Assert.Contains((i + 1).ToString(), pages[i]);
    }
}
