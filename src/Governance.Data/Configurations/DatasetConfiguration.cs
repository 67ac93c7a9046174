using Governance.Core.Datasets;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> dataset)
    {
        dataset.ToTable("Datasets");
        dataset.HasKey(d => d.Id);
        dataset.HasIndex(d => d.Name).IsUnique();
        dataset.Property(d => d.Name).HasMaxLength(200);
        dataset.Property(d => d.Source).HasMaxLength(1000);
        dataset.Property(d => d.Licence).HasMaxLength(500);
        dataset.Property(d => d.CollectionPurpose).HasMaxLength(2000);
        dataset.Property(d => d.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersion>
{
    public void Configure(EntityTypeBuilder<DatasetVersion> version)
    {
        version.ToTable("DatasetVersions");
        version.HasKey(v => v.Id);
        version.HasIndex(v => new { v.DatasetId, v.Number }).IsUnique();
        version.HasOne<Dataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Restrict);
        version.HasOne<DatasetVersion>().WithMany().HasForeignKey(v => v.ParentId).OnDelete(DeleteBehavior.Restrict);
        version.Property(v => v.Operation).HasMaxLength(64);
        version.Property(v => v.Shape).HasConversion<string>().HasMaxLength(32);
        version.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength();
        version.Property(v => v.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class RecordContentConfiguration : IEntityTypeConfiguration<RecordContent>
{
    public void Configure(EntityTypeBuilder<RecordContent> content)
    {
        content.ToTable("RecordContents");
        content.HasKey(c => c.Hash);
        content.Property(c => c.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class VersionEntryConfiguration : IEntityTypeConfiguration<VersionEntry>
{
    public void Configure(EntityTypeBuilder<VersionEntry> entry)
    {
        entry.ToTable("VersionEntries");
        entry.HasKey(e => new { e.VersionId, e.Ordinal });
        entry.HasIndex(e => e.Hash);
        entry.HasIndex(e => new { e.VersionId, e.Length, e.Ordinal });
        entry.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        entry.Property(e => e.Split).HasConversion<string>().HasMaxLength(16);
        entry.HasOne<DatasetVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<RecordContent>().WithMany().HasForeignKey(e => e.Hash).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatisticsRunConfiguration : IEntityTypeConfiguration<StatisticsRun>
{
    public void Configure(EntityTypeBuilder<StatisticsRun> run)
    {
        run.ToTable("StatisticsRuns");
        run.HasKey(r => r.VersionId);
        run.HasIndex(r => r.State);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.Error).HasMaxLength(4000);
        run.HasOne<DatasetVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SearchIndexedVersionConfiguration : IEntityTypeConfiguration<SearchIndexedVersion>
{
    public void Configure(EntityTypeBuilder<SearchIndexedVersion> indexed)
    {
        indexed.ToTable("SearchIndexedVersions");
        indexed.HasKey(v => v.VersionId);
        indexed.HasOne<DatasetVersion>().WithMany().HasForeignKey(v => v.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditRowConfiguration : IEntityTypeConfiguration<Audit.AuditRow>
{
    public void Configure(EntityTypeBuilder<Audit.AuditRow> row)
    {
        row.ToTable("AuditTrail");
        row.HasKey(r => r.Sequence);
        row.Property(r => r.Sequence).ValueGeneratedNever();
        row.Property(r => r.Actor).HasMaxLength(256);
        row.Property(r => r.ClientAddress).HasMaxLength(64);
        row.Property(r => r.Entity).HasMaxLength(256);
        row.Property(r => r.Action).HasMaxLength(64);
        row.Property(r => r.PreviousHash).HasMaxLength(64).IsFixedLength();
        row.Property(r => r.Hash).HasMaxLength(64).IsFixedLength();
        row.HasIndex(r => r.Entity);
    }
}
