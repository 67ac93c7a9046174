using Governance.Core.Configuration;
using Governance.Core.Datasets.Import;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Microsoft.AspNetCore.Http.Features;

namespace Governance.Portal.Datasets;

/// <summary>The facts a person gives with an uploaded file.</summary>
/// <param name="UploadId">An id the uploading page chose to follow the server's progress (<see cref="ImportProgress"/>); optional.</param>
public sealed record UploadFacts(string Name, string Source, string Licence, string Purpose, string FileName, ImportFormat? Format, string? UploadId = null);

/// <summary>
/// Takes an upload: the request body is streamed to a file under the data folder, refused as soon as it passes the
/// size limit, then imported from that file all or nothing, and the file removed. Memory stays flat for any size.
/// </summary>
public sealed class DatasetUploads(DatasetImporter importer, ImportLimits limits, DeploymentSettings deployment, ImportProgress progress)
{
    public async Task<ImportOutcome> ImportAsync(HttpRequest request, UploadFacts facts, string actor, CancellationToken cancellationToken)
    {
        var format = facts.Format ?? ImportFormats.FromFileName(facts.FileName);
        if (request.ContentLength is { } declared) limits.CheckFileSize(declared);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxFileBytes + 1;

        var folder = Directory.CreateDirectory(Path.Combine(deployment.DataDirectory, "uploads")).FullName;
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        try
        {
            await CopyWithinLimitAsync(request.Body, path, cancellationToken);
            limits.CheckFileSize(new FileInfo(path).Length);
            await using var file = File.OpenRead(path);
            var (tracked, registration) = progress.Track(facts.UploadId, file);
            using var _ = registration;
            return await importer.ImportAsync(tracked, new ImportRequest(facts.Name, facts.Source, facts.Licence, facts.Purpose,
                Path.GetFileName(facts.FileName), format, actor), limits, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task CopyWithinLimitAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limits.MaxFileBytes) limits.CheckFileSize(total);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
