using Governance.Core.Configuration;

namespace Governance.Training.Releases;

/// <summary>Where a worker downloads released dataset versions from, and where it keeps the verified files.</summary>
/// <param name="Portal">The portal's address (<c>Portal:Url</c>).</param>
/// <param name="ReleasesFolder">The <c>releases</c> folder under the worker's <c>Storage:DataDirectory</c>.</param>
public sealed record ReleaseDownloadSettings(Uri Portal, string ReleasesFolder)
{
    /// <summary>The worker's data folder, which holds the releases folder.</summary>
    public string DataFolder => Path.GetDirectoryName(ReleasesFolder)!;

    /// <summary>Where the worker records revoked releases: <c>revoked-releases.txt</c> in the data folder, next to the releases folder.</summary>
    public string RevocationsFile => Path.Combine(DataFolder, "revoked-releases.txt");

    /// <summary>Reads both; a missing or non-http(s) portal address is a <see cref="ConfigurationError"/> naming the setting.</summary>
    public static ReleaseDownloadSettings Read(SettingReader settings)
    {
        var raw = settings.Required(SettingNames.PortalUrl,
            "a worker downloads released datasets from the portal; set its address, e.g. http://portal:8080");
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var portal) || portal.Scheme is not ("http" or "https"))
            throw new ConfigurationError(SettingNames.PortalUrl, $"'{raw}' is not an http:// or https:// address, e.g. http://portal:8080.");
        var data = Path.GetFullPath(settings.Optional(SettingNames.DataDirectory) ?? "data");
        return new ReleaseDownloadSettings(portal, Path.Combine(data, "releases"));
    }
}
