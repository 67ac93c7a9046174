using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Portal.Health;

/// <summary>The JSON shape of /health, also rendered by the Health page.</summary>
public static class HealthReportJson
{
    public sealed record Entry(string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, object> Data);

    public sealed record Report(string Status, double TotalDurationMs, IReadOnlyDictionary<string, Entry> Checks);

    public static Report From(HealthReport report) => new(
        report.Status.ToString(),
        Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        report.Entries.ToDictionary(e => e.Key, e => new Entry(
            e.Value.Status.ToString(),
            e.Value.Description ?? e.Value.Exception?.Message,
            Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            e.Value.Data.ToDictionary(d => d.Key, d => d.Value))));

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, From(report), JsonSerializerOptions.Web);
    }
}
