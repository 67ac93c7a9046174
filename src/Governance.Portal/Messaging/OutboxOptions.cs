using Governance.Core.Configuration;

namespace Governance.Portal.Messaging;

/// <summary>How often the dispatcher sweeps, and how long one publish may wait for the broker.</summary>
public sealed record OutboxOptions(TimeSpan PollInterval, TimeSpan PublishTimeout, int BatchSize = 50)
{
    public static OutboxOptions Read(SettingReader settings) => new(
        TimeSpan.FromSeconds(settings.PositiveInt(SettingNames.OutboxPollSeconds, 1)),
        TimeSpan.FromSeconds(settings.PositiveInt(SettingNames.OutboxPublishTimeoutSeconds, 5)));

    /// <summary>Wait before retrying a message that failed <paramref name="attempts"/> times: 2, 4, 8 ... 60 seconds.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempts, 6))));
}
