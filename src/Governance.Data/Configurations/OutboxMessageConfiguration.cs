using Governance.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> outbox)
    {
        outbox.ToTable("OutboxMessages");
        outbox.HasKey(m => m.Id);
        outbox.HasIndex(m => m.MessageId).IsUnique();
        outbox.HasIndex(m => new { m.DispatchedUtc, m.NextAttemptUtc });
        outbox.Property(m => m.MessageType).HasMaxLength(256);
        outbox.Property(m => m.LastError).HasMaxLength(2000);
    }
}
