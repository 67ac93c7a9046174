namespace Governance.Worker.Tests;

internal static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value that satisfies <paramref name="done"/>.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var value = await probe();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            value = await probe();
        }
        return value;
    }
}
