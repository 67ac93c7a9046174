using Governance.Core.Configuration;

namespace Governance.Core.Tests;

public sealed class DeploymentSettingsTests
{
    private static DeploymentSettings Read(params (string Key, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value);
        return DeploymentSettings.Read(new SettingReader(key => map.GetValueOrDefault(key)));
    }

    [Fact]
    public void Nothing_configured_means_the_embedded_default_with_a_SQLite_file_under_data()
    {
        var settings = Read();
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(MessagingTransport.InMemory, settings.Transport);
        Assert.True(settings.IsEmbedded);
        Assert.Equal(Path.GetFullPath("data"), settings.DataDirectory);
        Assert.Contains(Path.Combine(Path.GetFullPath("data"), "governance.db"), settings.ConnectionString);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_setting_and_the_accepted_values()
    {
        var error = Assert.Throws<ConfigurationError>(() => Read(("Database:Provider", "Postgres")));
        Assert.Equal("Database:Provider", error.Setting);
        Assert.Equal("Setting 'Database:Provider': 'Postgres' is not one of Sqlite, SqlServer.", error.Message);
    }

    [Fact]
    public void A_numeric_provider_is_not_mistaken_for_an_enum_value()
    {
        Assert.Throws<ConfigurationError>(() => Read(("Database:Provider", "1")));
    }

    [Fact]
    public void SQL_Server_without_a_connection_string_is_refused_naming_the_connection_string_key()
    {
        var error = Assert.Throws<ConfigurationError>(() => Read(("Database:Provider", "SqlServer")));
        Assert.Equal("ConnectionStrings:Governance", error.Setting);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void RabbitMq_needs_an_amqp_address_and_never_echoes_its_password()
    {
        var missing = Assert.Throws<ConfigurationError>(() => Read(("Messaging:Transport", "RabbitMq")));
        Assert.Equal("Messaging:RabbitMq:Uri", missing.Setting);

        var wrong = Assert.Throws<ConfigurationError>(() =>
            Read(("Messaging:Transport", "RabbitMq"), ("Messaging:RabbitMq:Uri", "http://user:s3cret@broker:5672/")));
        Assert.DoesNotContain("s3cret", wrong.Message);

        var ok = Read(("Messaging:Transport", "rabbitmq"), ("Messaging:RabbitMq:Uri", "amqp://broker:5672/"));
        Assert.Equal(new Uri("amqp://broker:5672/"), ok.RabbitMqUri);
        Assert.True(ok.IsEmbedded, "SQLite stays the embedded flavour whatever the transport");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    public void Positive_numbers_refuse_zero_negatives_and_words(string raw)
    {
        var reader = new SettingReader(_ => raw);
        var error = Assert.Throws<ConfigurationError>(() => reader.PositiveInt("Workers:HeartbeatSeconds", 10));
        Assert.Contains("Workers:HeartbeatSeconds", error.Message);
    }

    [Fact]
    public void Booleans_refuse_anything_but_true_or_false()
    {
        Assert.True(new SettingReader(_ => "TRUE").Bool("Demo:Enabled", false));
        Assert.Throws<ConfigurationError>(() => new SettingReader(_ => "yes").Bool("Demo:Enabled", false));
    }
}
