namespace Governance.Core.Configuration;

/// <summary>Every configuration key the product reads; docs/configuration.md describes each.</summary>
public static class SettingNames
{
    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c>.</summary>
    public const string DatabaseProvider = "Database:Provider";

    /// <summary>The database connection string; optional for SQLite.</summary>
    public const string DatabaseConnection = "ConnectionStrings:Governance";

    /// <summary>Folder for the SQLite file and other local state.</summary>
    public const string DataDirectory = "Storage:DataDirectory";

    /// <summary><c>InMemory</c> (embedded default) or <c>RabbitMq</c>.</summary>
    public const string MessagingTransport = "Messaging:Transport";

    /// <summary>The RabbitMQ address, <c>amqp://user:password@host:5672/vhost</c>.</summary>
    public const string RabbitMqUri = "Messaging:RabbitMq:Uri";

    /// <summary>Seconds between worker heartbeats.</summary>
    public const string HeartbeatSeconds = "Workers:HeartbeatSeconds";

    /// <summary>Heartbeats a worker may miss before it is shown as lost.</summary>
    public const string MissedBeatsBeforeLost = "Workers:MissedBeatsBeforeLost";

    /// <summary>The name a worker reports; defaults to the host name and an id kept in the worker's data folder.</summary>
    public const string WorkerName = "Worker:Name";

    /// <summary>Whether the embedded default seeds demo users and data.</summary>
    public const string DemoEnabled = "Demo:Enabled";

    /// <summary>Seconds between checks that an open browser session's user is still active and unchanged.</summary>
    public const string RevalidationSeconds = "Security:RevalidationSeconds";

    /// <summary>Seconds between outbox sweeps when no new message signals the dispatcher.</summary>
    public const string OutboxPollSeconds = "Outbox:PollSeconds";

    /// <summary>Largest dataset file accepted for import, in bytes.</summary>
    public const string DatasetMaxUploadBytes = "Datasets:MaxUploadBytes";

    /// <summary>Longest line accepted in a dataset file, in bytes.</summary>
    public const string DatasetMaxLineBytes = "Datasets:MaxLineBytes";

    /// <summary>The secret for keyed hashing (and the seed of pseudonyms) when the portal anonymizes a dataset version.</summary>
    public const string PiiHashKey = "Pii:HashKey";

    /// <summary>The PII finding types that block a release while unresolved (comma-separated); default every type but URL.</summary>
    public const string PiiBlockingTypes = "Pii:BlockingTypes";

    /// <summary>Seconds a single publish may wait for the broker before the message is retried later.</summary>
    public const string OutboxPublishTimeoutSeconds = "Outbox:PublishTimeoutSeconds";

    /// <summary>Distinct approvers a new dataset release needs, one of them a compliance officer (at least 2).</summary>
    public const string ReleaseRequiredApprovals = "Releases:RequiredApprovals";

    /// <summary>Seconds a download token announced with a published release stays valid.</summary>
    public const string ReleaseDownloadTokenSeconds = "Releases:DownloadTokenSeconds";

    /// <summary>The portal's address, from which a worker downloads released dataset versions.</summary>
    public const string PortalUrl = "Portal:Url";
}
