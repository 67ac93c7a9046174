using Governance.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class DeviceCheckConfiguration : IEntityTypeConfiguration<DeviceCheck>
{
    public void Configure(EntityTypeBuilder<DeviceCheck> check)
    {
        check.ToTable("DeviceChecks");
        check.HasKey(c => c.Id);
        check.HasIndex(c => c.RequestedUtc);
        check.Property(c => c.RequestedBy).HasMaxLength(256);
        check.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        check.Property(c => c.WorkerName).HasMaxLength(200);
        check.Property(c => c.Device).HasMaxLength(300);
        check.Property(c => c.Error).HasMaxLength(2000);
    }
}
