using Governance.Core.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Data.Configurations;

internal sealed class WorkerRegistrationConfiguration : IEntityTypeConfiguration<WorkerRegistration>
{
    public void Configure(EntityTypeBuilder<WorkerRegistration> worker)
    {
        worker.ToTable("Workers");
        worker.HasKey(w => w.Name);
        worker.Property(w => w.Name).HasMaxLength(200);
        worker.Property(w => w.DeviceKind).HasMaxLength(16);
        worker.Property(w => w.DeviceName).HasMaxLength(200);
        worker.Property(w => w.Version).HasMaxLength(64);
    }
}
