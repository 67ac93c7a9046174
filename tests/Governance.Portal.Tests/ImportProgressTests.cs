using Governance.Portal.Datasets;

namespace Governance.Portal.Tests;

public sealed class ImportProgressTests
{
    [Fact]
    public async Task Reads_of_a_tracked_file_are_counted_under_its_id_until_the_import_ends()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, new byte[10_000]);
        var progress = new ImportProgress();
        try
        {
            await using var file = File.OpenRead(path);
            var (stream, registration) = progress.Track("upload-1", file);
            Assert.Equal(new ImportStage(0, 10_000), progress.Find("upload-1"));

            await stream.ReadExactlyAsync(new byte[4_000]);
            Assert.Equal(new ImportStage(4_000, 10_000), progress.Find("upload-1"));
            Assert.Null(progress.Find("someone-else"));

            registration.Dispose();
            Assert.Null(progress.Find("upload-1"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
