namespace Governance.Core.Configuration;

/// <summary>The database engines the product runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A local file; the embedded default.</summary>
    Sqlite,

    /// <summary>A shared server; production.</summary>
    SqlServer,
}

/// <summary>How messages travel between the portal and the training workers.</summary>
public enum MessagingTransport
{
    /// <summary>Inside the portal process; the training consumer runs there too.</summary>
    InMemory,

    /// <summary>Through a RabbitMQ broker to separate worker processes competing for jobs.</summary>
    RabbitMq,
}

/// <summary>The deployment shape read once at start-up: which database, which transport, where local files go.</summary>
public sealed record DeploymentSettings(
    DatabaseProvider Provider,
    string ConnectionString,
    MessagingTransport Transport,
    Uri? RabbitMqUri,
    string DataDirectory)
{
    /// <summary>The embedded default: SQLite and the in-memory bus in one process, with demo data.</summary>
    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;

    /// <summary>Reads and validates the deployment settings; the first problem found is thrown, naming its key.</summary>
    public static DeploymentSettings Read(SettingReader settings)
    {
        var dataDirectory = Path.GetFullPath(settings.Optional(SettingNames.DataDirectory) ?? "data");
        var provider = settings.Enum(SettingNames.DatabaseProvider, DatabaseProvider.Sqlite);
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => settings.Optional(SettingNames.DatabaseConnection)
                                       ?? $"Data Source={Path.Combine(dataDirectory, "governance.db")}",
            _ => settings.Required(SettingNames.DatabaseConnection,
                "SQL Server needs a connection string, e.g. Server=db;Database=Governance;User Id=...;Password=...;TrustServerCertificate=true"),
        };
        var transport = settings.Enum(SettingNames.MessagingTransport, MessagingTransport.InMemory);
        var rabbit = transport == MessagingTransport.RabbitMq ? ReadBrokerUri(settings) : null;
        return new DeploymentSettings(provider, connection, transport, rabbit, dataDirectory);
    }

    /// <summary>The RabbitMQ address; a missing or malformed one is an error naming the key.</summary>
    public static Uri ReadBrokerUri(SettingReader settings)
    {
        var raw = settings.Required(SettingNames.RabbitMqUri,
            "the RabbitMq transport needs the broker address, e.g. amqp://user:password@rabbitmq:5672/");
        return Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new ConfigurationError(SettingNames.RabbitMqUri, $"'{Redact(raw)}' is not an amqp:// or amqps:// address.");
    }

    private static string Redact(string raw) => raw.Contains('@') ? "amqp://***@" + raw[(raw.LastIndexOf('@') + 1)..] : raw;
}
