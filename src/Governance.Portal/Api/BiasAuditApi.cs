using System.Security.Claims;
using System.Text.Json;
using Governance.Core.Security;
using Governance.Data.Datasets;
using Governance.Data.Settings;

namespace Governance.Portal.Api;

/// <summary>Bias audits of a version (request, read, cancel) and the portal's bias configuration (read, replace).</summary>
internal static class BiasAuditApi
{
    public static void MapBiasAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/datasets/{name}/versions/{number:int}/bias-audit");
        audit.MapGet("", async (string name, int number, DatasetCatalog catalog, DatasetBiasAudits audits, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            return await audits.FindAsync(version.Id, ct) is { } run
                ? Results.Ok(BiasAuditView.Of(run))
                : Results.NotFound(new { error = $"No bias audit of version {number} was asked for; POST to this address to run one." });
        }).RequireAuthorization(Policies.ViewDatasets);

        audit.MapPost("", async (string name, int number, DatasetCatalog catalog, DatasetBiasAudits audits, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            await audits.RequestAsync(version.Id, user.Identity!.Name!, ct);
            return Results.Accepted($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{number}/bias-audit");
        }).RequireAuthorization(Policies.AuditDatasets);

        audit.MapPost("/cancel", async (string name, int number, DatasetCatalog catalog, DatasetBiasAudits audits, CancellationToken ct) =>
        {
            var (_, version) = await catalog.FindAsync(name, number, ct);
            var run = await audits.CancelAsync(version.Id, ct);
            return Results.Accepted($"/api/datasets/{Uri.EscapeDataString(name)}/versions/{number}/bias-audit", BiasAuditView.Of(run));
        }).RequireAuthorization(Policies.AuditDatasets);

        var configuration = api.MapGroup("/bias/configuration");
        configuration.MapGet("", async (BiasAuditSettings settings, CancellationToken ct) => BiasConfigurationView.Of(await settings.CurrentAsync(ct)))
            .RequireAuthorization(Policies.ViewDatasets);

        // The body is the configuration itself, as `governance bias default-config` prints it.
        configuration.MapPut("", async (JsonElement body, BiasAuditSettings settings, ClaimsPrincipal user, CancellationToken ct) =>
            BiasConfigurationView.Of(await settings.SaveAsync(body.GetRawText(), user.Identity!.Name!, ct)))
            .RequireAuthorization(Policies.ConfigureBiasAudits);
    }
}

/// <summary>A bias audit as the API shows it: state, progress, the configuration used and its hash, and the result once done.</summary>
public sealed record BiasAuditView(
    string State, long RecordsDone, long RecordsTotal, bool CancelRequested, string ConfigurationHash, JsonElement Configuration,
    Core.Bias.BiasAuditResult? Result, string? Error, string RequestedBy, DateTimeOffset RequestedUtc, DateTimeOffset? FinishedUtc)
{
    public static BiasAuditView Of(BiasAuditRun run) => new(run.State.ToString(), run.RecordsDone, run.RecordsTotal, run.CancelRequested,
        run.ConfigurationHash, JsonSerializer.Deserialize<JsonElement>(run.ConfigurationJson), DatasetBiasAudits.Read(run), run.Error,
        run.RequestedBy, run.RequestedUtc, run.FinishedUtc);
}

/// <summary>The bias configuration in force, its hash, and who set it (null while the built-in default applies).</summary>
public sealed record BiasConfigurationView(JsonElement Configuration, string Hash, string? UpdatedBy, DateTimeOffset? UpdatedUtc)
{
    public static BiasConfigurationView Of(StoredBiasConfiguration stored) =>
        new(JsonSerializer.Deserialize<JsonElement>(stored.Json), stored.Hash, stored.UpdatedBy, stored.UpdatedUtc);
}
