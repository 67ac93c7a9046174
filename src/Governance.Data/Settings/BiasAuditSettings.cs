using Governance.Core.Bias;
using Governance.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Settings;

/// <summary>The bias configuration in force: its JSON for the editor, the parsed form, and who set it (null: the built-in default).</summary>
public sealed record StoredBiasConfiguration(BiasConfiguration Configuration, string Json, string Hash, string? UpdatedBy, DateTimeOffset? UpdatedUtc);

/// <summary>
/// The portal's one bias configuration, which every new bias audit uses (and stores with itself): the built-in
/// <see cref="BiasConfiguration.Default"/> until a compliance officer saves another. A save is validated first, so
/// the stored JSON always parses; the audit trail records the hashes before and after, not the term lists.
/// </summary>
public sealed class BiasAuditSettings(IDbContextFactory<GovernanceDbContext> databases, AuditTrail trail, TimeProvider clock)
{
    /// <summary>The <see cref="PortalSetting.Name"/> of the bias configuration.</summary>
    public const string SettingName = "BiasAudit:Configuration";

    public async Task<StoredBiasConfiguration> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.PortalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Name == SettingName, cancellationToken);
        var configuration = row is null ? BiasConfiguration.Default : BiasConfigurationJson.Parse(row.Value);
        return new(configuration, row?.Value ?? BiasConfigurationJson.Serialize(configuration), BiasConfigurationJson.Hash(configuration), row?.UpdatedBy, row?.UpdatedUtc);
    }

    /// <summary>Validates and stores <paramref name="json"/>; a <see cref="Core.Validation.ValidationError"/> names the field to fix.</summary>
    public async Task<StoredBiasConfiguration> SaveAsync(string json, string actor, CancellationToken cancellationToken = default)
    {
        var configuration = BiasConfigurationJson.Parse(json);
        var before = await CurrentAsync(cancellationToken);
        var stored = BiasConfigurationJson.Serialize(configuration);
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.PortalSettings.SingleOrDefaultAsync(s => s.Name == SettingName, cancellationToken);
            if (row is null) db.PortalSettings.Add(row = new PortalSetting { Name = SettingName, Value = stored, UpdatedBy = actor });
            (row.Value, row.UpdatedBy, row.UpdatedUtc) = (stored, actor, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        var hash = BiasConfigurationJson.Hash(configuration);
        await trail.AppendAsync(actor, null, "settings:bias-audit", "update", $"hash {before.Hash}", $"hash {hash}", cancellationToken);
        return await CurrentAsync(cancellationToken);
    }
}
