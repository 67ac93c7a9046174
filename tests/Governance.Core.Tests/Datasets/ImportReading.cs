using System.Text;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Tests.Datasets;

/// <summary>Reads a file held in memory and keeps what the reader handed out.</summary>
internal static class ImportReading
{
    public static Task<(ImportReport Report, List<DatasetRecord> Records)> ReadAsync(string content, ImportFormat format, ImportLimits? limits = null) =>
        ReadAsync(Encoding.UTF8.GetBytes(content), format, limits);

    public static async Task<(ImportReport Report, List<DatasetRecord> Records)> ReadAsync(byte[] content, ImportFormat format, ImportLimits? limits = null)
    {
        var records = new List<DatasetRecord>();
        var report = await DatasetFileReader.ReadAsync(new MemoryStream(content), format, limits ?? ImportLimits.Default,
            record => { records.Add(record); return ValueTask.CompletedTask; });
        return (report, records);
    }
}
