using System.Reflection;

namespace Governance.Tests.Shared;

/// <summary>Where the repository and the built programs are, seen from a running test.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests were built in, and so the programs beside them.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built assembly of a program under src/, e.g. Program("Governance.Portal"), or Program("Governance.Cli", "governance").</summary>
    public static string Program(string project, string? assembly = null)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", (assembly ?? project) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first (dotnet build Governance.sln -c {Configuration}).", path);
    }

    /// <summary>A fresh folder for one test's files.</summary>
    public static string NewTemporaryFolder(string purpose) => Directory.CreateDirectory(
        Path.Combine(System.IO.Path.GetTempPath(), "governance-" + purpose, Guid.NewGuid().ToString("N"))).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Governance.sln not found above " + AppContext.BaseDirectory);
    }
}
