using Governance.Core.Models;
using Governance.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Models;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersionRow>
{
    public void Configure(EntityTypeBuilder<ModelVersionRow> model)
    {
        model.ToTable("ModelVersions");
        model.HasKey(m => m.Id);
        model.HasIndex(m => new { m.Name, m.Number }).IsUnique();
        model.Property(m => m.Name).HasMaxLength(ModelRegistration.MaxName);
        model.Property(m => m.BaseModel).HasMaxLength(ModelRegistration.MaxName);
        model.Property(m => m.BaseModelSha256).HasMaxLength(64);
        model.Property(m => m.ArtifactSha256).HasMaxLength(64);
        model.Property(m => m.Method).HasConversion<string>().HasMaxLength(16);
        model.Property(m => m.RegisteredBy).HasMaxLength(256);
        model.Property(m => m.CardUpdatedBy).HasMaxLength(256);
        foreach (var section in new[] { nameof(ModelVersionRow.IntendedUse), nameof(ModelVersionRow.OutOfScopeUse), nameof(ModelVersionRow.Limitations),
                     nameof(ModelVersionRow.BiasAndFairness), nameof(ModelVersionRow.License) })
            model.Property<string?>(section).HasMaxLength(ModelCardText.MaxSection);
        model.Ignore(m => m.CardText);
    }
}

internal sealed class ModelLineageConfiguration : IEntityTypeConfiguration<ModelLineageRow>
{
    public void Configure(EntityTypeBuilder<ModelLineageRow> lineage)
    {
        lineage.ToTable("ModelLineage");
        lineage.HasKey(l => l.Id);
        lineage.HasIndex(l => new { l.ModelVersionId, l.DatasetReleaseId }).IsUnique();
        lineage.HasIndex(l => l.DatasetReleaseId);
        lineage.Property(l => l.Dataset).HasMaxLength(256);
        lineage.Property(l => l.ContentHash).HasMaxLength(64);
        lineage.Property(l => l.RevokedBy).HasMaxLength(256);
        lineage.Property(l => l.RevocationComment).HasMaxLength(StepTaking.MaxComment);
        lineage.HasOne<ModelVersionRow>().WithMany().HasForeignKey(l => l.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
        lineage.HasOne<DatasetReleaseRow>().WithMany().HasForeignKey(l => l.DatasetReleaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModelReleaseConfiguration : IEntityTypeConfiguration<ModelReleaseRow>
{
    public void Configure(EntityTypeBuilder<ModelReleaseRow> release)
    {
        release.ToTable("ModelReleases");
        release.HasKey(r => r.Id);
        release.HasIndex(r => r.ModelVersionId).IsUnique();
        release.HasIndex(r => r.State);
        release.Property(r => r.State).HasConversion<string>().HasMaxLength(24);
        release.Property(r => r.WeightsHash).HasMaxLength(64);
        release.Property(r => r.SubmittedBy).HasMaxLength(256);
        release.Property(r => r.Revision).IsConcurrencyToken();
        release.HasOne<ModelVersionRow>().WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModelReleaseStepConfiguration : IEntityTypeConfiguration<ModelReleaseStepRow>
{
    public void Configure(EntityTypeBuilder<ModelReleaseStepRow> step)
    {
        step.ToTable("ModelReleaseSteps");
        step.HasKey(s => s.Id);
        step.HasIndex(s => new { s.ReleaseId, s.Id });
        step.Property(s => s.Action).HasMaxLength(32);
        step.Property(s => s.Actor).HasMaxLength(256);
        step.Property(s => s.Roles).HasMaxLength(256);
        step.Property(s => s.Comment).HasMaxLength(StepTaking.MaxComment);
        step.Property(s => s.WeightsHash).HasMaxLength(64);
        step.Property(s => s.StateBefore).HasConversion<string>().HasMaxLength(24);
        step.Property(s => s.StateAfter).HasConversion<string>().HasMaxLength(24);
        step.HasOne<ModelReleaseRow>().WithMany().HasForeignKey(s => s.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
