using System.Diagnostics;
using System.Text;

namespace Governance.Tests.Shared;

/// <summary>A program of the product started as its own process, with its output captured; ended by its PID on dispose.</summary>
public sealed class ProgramRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private bool _disposed;

    public ProgramRun(string project, IEnumerable<string> args, string environmentName = "Production", string? assembly = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.Program(project, assembly));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.Program(project, assembly))!;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        start.Environment["DOTNET_ENVIRONMENT"] = environmentName;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_error) _error.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    public int Id => _process.Id;

    /// <summary>Waits for the program to exit by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the standard output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"exited with {_process.ExitCode}: {Error}{Output}");
            if (clock.Elapsed > within) throw new TimeoutException($"'{text}' not seen within {within}: {Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Ends the program if it still runs; safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
