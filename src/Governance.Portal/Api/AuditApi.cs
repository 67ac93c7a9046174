using System.Text;
using Governance.Core.Security;
using Governance.Data.Audit;

namespace Governance.Portal.Api;

internal static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.ViewAuditTrail);

        audit.MapGet("", async (int? page, int? size, string? actor, string? entity, string? action, string? text, AuditTrail trail, CancellationToken ct) =>
        {
            var query = new AuditQuery(page ?? 0, size ?? 50, actor, entity, action, text);
            query.Validate();
            var (total, rows) = await trail.PageAsync(query, ct);
            return new { total, entries = rows };
        });

        audit.MapGet("/verify", async (AuditTrail trail, CancellationToken ct) =>
        {
            var broken = await trail.VerifyAsync(ct);
            return new { whole = broken is null, entries = await trail.CountAsync(ct), brokenAt = broken?.Sequence, problem = broken?.Problem };
        });

        // CSV of the entries matching the filters, oldest first; cells a spreadsheet would run as formulas are escaped.
        audit.MapGet("/export", (string? actor, string? entity, string? action, string? text, AuditTrail trail, CancellationToken ct) =>
            Results.Stream(async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                await writer.WriteAsync("sequence,time_utc,actor,client_address,entity,action,before,after,previous_hash,hash\n");
                await foreach (var row in trail.AllAsync(new AuditQuery(Actor: actor, Entity: entity, Action: action, Text: text), ct))
                    await writer.WriteAsync(string.Join(",", new[]
                    {
                        row.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), row.TimeUtc.ToString("O"), row.Actor, row.ClientAddress,
                        row.Entity, row.Action, row.Before, row.After, row.PreviousHash, row.Hash,
                    }.Select(cell => Core.Datasets.Export.DatasetExportWriter.CsvCell(cell ?? ""))) + "\n");
            }, "text/csv; charset=utf-8", "audit-trail.csv"));
    }
}
