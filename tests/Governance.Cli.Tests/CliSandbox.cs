namespace Governance.Cli.Tests;

/// <summary>A temporary folder for one test's files, and the CLI run in process with its output captured.</summary>
public sealed class CliSandbox : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "governance-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
