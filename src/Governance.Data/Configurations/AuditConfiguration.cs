using Governance.Data.Datasets;
using Governance.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

/// <summary>The columns every <see cref="AuditRun"/> table shares: one row per version, found by state.</summary>
internal static class AuditRunColumns
{
    public static void Configure<TRun>(EntityTypeBuilder<TRun> run, string table) where TRun : AuditRun
    {
        run.ToTable(table);
        run.HasKey(r => r.VersionId);
        run.HasIndex(r => r.State);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.Error).HasMaxLength(VersionRuns.MaxError);
        run.Property(r => r.RequestedBy).HasMaxLength(256);
        run.HasOne<Core.Datasets.DatasetVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PiiAuditRunConfiguration : IEntityTypeConfiguration<PiiAuditRun>
{
    public void Configure(EntityTypeBuilder<PiiAuditRun> run) => AuditRunColumns.Configure(run, "PiiAuditRuns");
}

internal sealed class BiasAuditRunConfiguration : IEntityTypeConfiguration<BiasAuditRun>
{
    public void Configure(EntityTypeBuilder<BiasAuditRun> run)
    {
        AuditRunColumns.Configure(run, "BiasAuditRuns");
        run.Property(r => r.ConfigurationHash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class PortalSettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> setting)
    {
        setting.ToTable("PortalSettings");
        setting.HasKey(s => s.Name);
        setting.Property(s => s.Name).HasMaxLength(128);
        setting.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
