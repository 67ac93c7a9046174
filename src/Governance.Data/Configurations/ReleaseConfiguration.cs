using Governance.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class DatasetReleaseConfiguration : IEntityTypeConfiguration<DatasetReleaseRow>
{
    public void Configure(EntityTypeBuilder<DatasetReleaseRow> release)
    {
        release.ToTable("DatasetReleases");
        release.HasKey(r => r.Id);
        release.HasIndex(r => r.VersionId).IsUnique();
        release.HasIndex(r => r.State);
        release.Property(r => r.State).HasConversion<string>().HasMaxLength(24);
        release.Property(r => r.ContentHash).HasMaxLength(64);
        release.Property(r => r.SubmittedBy).HasMaxLength(256);
        release.Property(r => r.CreatedBy).HasMaxLength(256);
        release.Property(r => r.Revision).IsConcurrencyToken();
        release.HasOne<Core.Datasets.DatasetVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReleaseStepConfiguration : IEntityTypeConfiguration<ReleaseStepRow>
{
    public void Configure(EntityTypeBuilder<ReleaseStepRow> step)
    {
        step.ToTable("ReleaseSteps");
        step.HasKey(s => s.Id);
        step.HasIndex(s => new { s.ReleaseId, s.Id });
        step.Property(s => s.Action).HasMaxLength(32);
        step.Property(s => s.Actor).HasMaxLength(256);
        step.Property(s => s.Roles).HasMaxLength(256);
        step.Property(s => s.Comment).HasMaxLength(StepTaking.MaxComment);
        step.Property(s => s.Audit).HasMaxLength(16);
        step.Property(s => s.ContentHash).HasMaxLength(64);
        step.Property(s => s.StateBefore).HasConversion<string>().HasMaxLength(24);
        step.Property(s => s.StateAfter).HasConversion<string>().HasMaxLength(24);
        step.HasOne<DatasetReleaseRow>().WithMany().HasForeignKey(s => s.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
