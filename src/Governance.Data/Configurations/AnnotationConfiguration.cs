using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets;
using Governance.Data.Annotation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class AnnotationProjectConfiguration : IEntityTypeConfiguration<AnnotationProject>
{
    public void Configure(EntityTypeBuilder<AnnotationProject> project)
    {
        project.ToTable("AnnotationProjects");
        project.HasKey(p => p.Id);
        project.HasIndex(p => p.Name).IsUnique();
        project.Property(p => p.Name).HasMaxLength(100);
        project.Property(p => p.CreatedBy).HasMaxLength(256);
        project.HasOne<DatasetVersion>().WithMany().HasForeignKey(p => p.DatasetVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnotationItemConfiguration : IEntityTypeConfiguration<AnnotationItem>
{
    public void Configure(EntityTypeBuilder<AnnotationItem> item)
    {
        item.ToTable("AnnotationItems");
        item.HasKey(i => new { i.ProjectId, i.Ordinal });
        item.HasIndex(i => new { i.ProjectId, i.Open, i.Ordinal });
        item.HasIndex(i => new { i.ProjectId, i.ReadyForReview, i.Disagreement, i.Ordinal });
        item.Property(i => i.Hash).HasMaxLength(64).IsFixedLength();
        item.Property(i => i.ReviewedBy).HasMaxLength(256);
        item.HasOne<AnnotationProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationTaskConfiguration : IEntityTypeConfiguration<AnnotationTask>
{
    public void Configure(EntityTypeBuilder<AnnotationTask> task)
    {
        task.ToTable("AnnotationTasks");
        task.HasKey(t => t.Id);
        task.HasIndex(t => new { t.ProjectId, t.Ordinal, t.Annotator }).IsUnique();
        task.HasIndex(t => new { t.ProjectId, t.Annotator, t.State, t.Id });
        task.Property(t => t.Annotator).HasMaxLength(256);
        task.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        task.Property(t => t.ShownOrder).HasMaxLength(2);
        task.Property(t => t.SkipReason).HasMaxLength(500);
        task.Property(t => t.ReviewComment).HasMaxLength(2000);
        task.Property(t => t.Revision).IsConcurrencyToken();
        task.HasOne<AnnotationProject>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationEventConfiguration : IEntityTypeConfiguration<AnnotationEvent>
{
    public void Configure(EntityTypeBuilder<AnnotationEvent> entry)
    {
        entry.ToTable("AnnotationEvents");
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => new { e.ProjectId, e.Ordinal, e.Id });
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Kind).HasMaxLength(32);
        entry.Property(e => e.Comment).HasMaxLength(2000);
        entry.HasOne<AnnotationProject>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
