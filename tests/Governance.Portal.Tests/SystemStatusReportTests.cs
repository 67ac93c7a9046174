using System.Net;
using Governance.Tests.Shared.Portal;
using UglyToad.PdfPig;

namespace Governance.Portal.Tests;

public sealed class SystemStatusReportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_Administrator_downloads_a_PDF_that_reads_back_with_the_live_components_and_role_counts()
    {
        using var admin = await portal.SignedInAsync("admin");
        var response = await admin.GetAsync("/api/reports/system-status.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("database", words);
        Assert.Contains("broker", words);
        Assert.Contains("workers", words);
        Assert.Contains("admin.", words);
        var manager = words.IndexOf("Manager");
        Assert.Equal(["1", "0"], words.Skip(manager + 1).Take(2));
    }

    [Fact]
    public async Task Nobody_else_may_download_it()
    {
        using var manager = await portal.SignedInAsync("manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/reports/system-status.pdf")).StatusCode);
    }
}
