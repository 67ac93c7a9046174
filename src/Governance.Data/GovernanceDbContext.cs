using Governance.Core.Datasets;
using Governance.Core.Devices;
using Governance.Data.Datasets;
using Governance.Core.Workers;
using Governance.Data.Identity;
using Governance.Data.Notifications;
using Governance.Data.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Governance.Data;

/// <summary>
/// The one model of the product. Each provider derives its own context (see Providers/) so that it carries
/// its own migrations; code outside Data only ever sees this type.
/// </summary>
public abstract class GovernanceDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<WorkerRegistration> Workers => Set<WorkerRegistration>();

    public DbSet<DeviceCheck> DeviceChecks => Set<DeviceCheck>();

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetVersion> DatasetVersions => Set<DatasetVersion>();

    public DbSet<RecordContent> RecordContents => Set<RecordContent>();

    public DbSet<VersionEntry> VersionEntries => Set<VersionEntry>();

    public DbSet<StatisticsRun> StatisticsRuns => Set<StatisticsRun>();

    public DbSet<SearchIndexedVersion> SearchIndexedVersions => Set<SearchIndexedVersion>();

    public DbSet<PiiAuditRun> PiiAuditRuns => Set<PiiAuditRun>();

    public DbSet<BiasAuditRun> BiasAuditRuns => Set<BiasAuditRun>();

    public DbSet<PiiFindingRow> PiiFindings => Set<PiiFindingRow>();

    public DbSet<PiiDecisionRow> PiiDecisions => Set<PiiDecisionRow>();

    public DbSet<Settings.PortalSetting> PortalSettings => Set<Settings.PortalSetting>();

    public DbSet<Audit.AuditRow> AuditRows => Set<Audit.AuditRow>();

    public DbSet<Core.Annotation.Projects.AnnotationProject> AnnotationProjects => Set<Core.Annotation.Projects.AnnotationProject>();

    public DbSet<Annotation.AnnotationItem> AnnotationItems => Set<Annotation.AnnotationItem>();

    public DbSet<Annotation.AnnotationTask> AnnotationTasks => Set<Annotation.AnnotationTask>();

    public DbSet<Annotation.AnnotationEvent> AnnotationEvents => Set<Annotation.AnnotationEvent>();

    public DbSet<Releases.DatasetReleaseRow> DatasetReleases => Set<Releases.DatasetReleaseRow>();

    public DbSet<Releases.ReleaseStepRow> ReleaseSteps => Set<Releases.ReleaseStepRow>();

    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();
    public DbSet<Models.ModelVersionRow> ModelVersions => Set<Models.ModelVersionRow>();

    public DbSet<Models.ModelLineageRow> ModelLineage => Set<Models.ModelLineageRow>();

    public DbSet<Models.ModelReleaseRow> ModelReleases => Set<Models.ModelReleaseRow>();

    public DbSet<Models.ModelReleaseStepRow> ModelReleaseSteps => Set<Models.ModelReleaseStepRow>();

    /// <summary>Stores <paramref name="message"/> for publication when this context's changes commit.</summary>
    public void Enqueue(object message) => OutboxMessages.Add(OutboxMessage.For(message, DateTimeOffset.UtcNow));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GovernanceDbContext).Assembly);
    }
}
