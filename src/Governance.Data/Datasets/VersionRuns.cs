using Microsoft.EntityFrameworkCore;

namespace Governance.Data.Datasets;

/// <summary>The one way background runs over a version (statistics, PII audits) are stored: a row per version, keyed by its id.</summary>
internal static class VersionRuns
{
    /// <summary>The most of an error message a run keeps.</summary>
    public const int MaxError = 4000;

    /// <summary>Finds the version's run (or adds one made by <paramref name="create"/>), changes it and saves it.</summary>
    public static async Task<TRun> SaveAsync<TRun>(IDbContextFactory<GovernanceDbContext> databases, Guid versionId, Func<TRun> create, Action<TRun> change,
        CancellationToken cancellationToken) where TRun : class
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<TRun>().FindAsync([versionId], cancellationToken);
        if (run is null) db.Set<TRun>().Add(run = create());
        change(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>An error message cut to what a run keeps.</summary>
    public static string Error(Exception e) => e.Message.Length > MaxError ? e.Message[..MaxError] : e.Message;
}
