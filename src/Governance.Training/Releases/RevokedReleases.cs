namespace Governance.Training.Releases;

/// <summary>
/// The releases revoked while this worker listened, kept in a file under its data folder (one release id a line) so
/// that they stay revoked across restarts. Training asks <see cref="IsRevoked"/> before it starts on a release.
/// </summary>
public sealed class RevokedReleases
{
    private readonly string _file;
    private readonly HashSet<Guid> _revoked;
    private readonly Lock _gate = new();

    /// <summary>The revocations recorded in <paramref name="file"/> (none when it does not exist yet).</summary>
    public RevokedReleases(string file)
    {
        _file = file;
        _revoked = File.Exists(file)
            ? [.. File.ReadLines(file).Select(line => Guid.TryParse(line, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)]
            : [];
    }

    /// <summary>Whether <paramref name="releaseId"/> was revoked: no training may start on it.</summary>
    public bool IsRevoked(Guid releaseId)
    {
        lock (_gate) return _revoked.Contains(releaseId);
    }

    /// <summary>Records <paramref name="releaseId"/> as revoked, in memory and in the file; a repeat changes nothing.</summary>
    public void Record(Guid releaseId)
    {
        lock (_gate)
        {
            if (!_revoked.Add(releaseId)) return;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
            File.AppendAllLines(_file, [releaseId.ToString("D")]);
        }
    }
}
