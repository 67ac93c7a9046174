using Governance.Core.PiiReview;
using Governance.Data.Datasets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

/// <summary>The columns of a finding's place, its key in both tables: version, record, field, offsets, type.</summary>
internal static class FindingKeyColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> row, string table) where T : PiiPlaceRow
    {
        row.ToTable(table);
        row.Property(r => r.Field).HasMaxLength(PiiFindingKey.MaxField);
        row.Property(r => r.Type).HasMaxLength(32);
        // Start and End read as SQL keywords in some dialects; the columns say what they hold.
        row.Property(r => r.Start).HasColumnName("StartOffset");
        row.Property(r => r.End).HasColumnName("EndOffset");
        row.HasKey(r => new { r.VersionId, r.Ordinal, r.Field, r.Start, r.End, r.Type });
        row.Ignore(r => r.Key);
        row.HasOne<Core.Datasets.DatasetVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PiiFindingRowConfiguration : IEntityTypeConfiguration<PiiFindingRow>
{
    public void Configure(EntityTypeBuilder<PiiFindingRow> finding)
    {
        FindingKeyColumns.Configure(finding, "PiiFindings");
        finding.Property(f => f.Recognizer).HasMaxLength(64);
        finding.HasIndex(f => new { f.VersionId, f.Type });
        finding.HasIndex(f => new { f.VersionId, f.Recognizer });
    }
}

internal sealed class PiiDecisionRowConfiguration : IEntityTypeConfiguration<PiiDecisionRow>
{
    public void Configure(EntityTypeBuilder<PiiDecisionRow> decision)
    {
        FindingKeyColumns.Configure(decision, "PiiDecisions");
        decision.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
        decision.Property(d => d.DecidedBy).HasMaxLength(256);
    }
}
