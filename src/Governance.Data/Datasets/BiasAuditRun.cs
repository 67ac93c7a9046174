namespace Governance.Data.Datasets;

/// <summary>
/// A bias audit of one version: the configuration it used (canonical JSON and its hash, so that anyone can repeat it)
/// and, once done, the <see cref="Core.Bias.BiasAuditResult"/> as <see cref="AuditRun.Json"/>.
/// </summary>
public sealed class BiasAuditRun : AuditRun
{
    /// <summary>The <see cref="Core.Bias.BiasConfigurationJson.Canonical"/> form of the configuration used.</summary>
    public string ConfigurationJson { get; set; } = "";

    /// <summary>The <see cref="Core.Bias.BiasConfigurationJson.Hash"/> of that configuration.</summary>
    public string ConfigurationHash { get; set; } = "";
}
