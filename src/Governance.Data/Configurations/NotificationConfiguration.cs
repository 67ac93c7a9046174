using Governance.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRow>
{
    public void Configure(EntityTypeBuilder<NotificationRow> notification)
    {
        notification.ToTable("Notifications");
        notification.HasKey(n => n.Id);
        notification.HasIndex(n => new { n.UserName, n.ReadUtc });
        notification.Property(n => n.UserName).HasMaxLength(256);
        notification.Property(n => n.Title).HasMaxLength(NotificationRow.MaxTitle);
        notification.Property(n => n.Link).HasMaxLength(256);
    }
}
