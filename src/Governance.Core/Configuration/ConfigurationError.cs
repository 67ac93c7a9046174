namespace Governance.Core.Configuration;

/// <summary>
/// A setting is missing or wrong. The message is one line that names the setting and says what to put there;
/// hosts print it instead of a stack trace.
/// </summary>
public sealed class ConfigurationError(string setting, string problem) : Exception($"Setting '{setting}': {problem}")
{
    /// <summary>The configuration key at fault, e.g. <c>Database:Provider</c>.</summary>
    public string Setting { get; } = setting;
}
