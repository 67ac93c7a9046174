namespace Governance.Portal.Components.Pages.Datasets;

/// <summary>How the dataset page follows a background run (statistics, PII audit) until it ends.</summary>
internal static class RunPolling
{
    /// <summary>
    /// Every second, while <paramref name="watching"/> and <paramref name="pending"/> hold, refreshes and redraws;
    /// stops quietly when the component goes away.
    /// </summary>
    public static async Task WhileAsync(Func<bool> watching, Func<bool> pending, Func<Task> refresh, Func<Task> redraw, CancellationToken stop)
    {
        try
        {
            while (watching() && pending())
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                if (!watching()) return;
                await refresh();
                await redraw();
            }
        }
        catch (OperationCanceledException) { }
    }
}
