namespace Governance.Cli;

/// <summary>
/// `governance word word --flag value --switch`: the leading words name the command, the rest are flags. Flags
/// with a configuration key (see <see cref="SettingFlags"/>) override the environment.
/// </summary>
internal sealed class CliArguments
{
    /// <summary>Short flags for the settings every command shares.</summary>
    public static readonly IReadOnlyDictionary<string, string> SettingFlags = new Dictionary<string, string>
    {
        ["--provider"] = Core.Configuration.SettingNames.DatabaseProvider,
        ["--connection"] = Core.Configuration.SettingNames.DatabaseConnection,
        ["--data"] = Core.Configuration.SettingNames.DataDirectory,
    };

    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Command { get; }

    private CliArguments(IReadOnlyList<string> command) => Command = command;

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var parsed = new CliArguments(words);
        for (var i = words.Count; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new CliUsageError($"Unexpected '{args[i]}': flags take the form --name value.");
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._flags[args[i]] = hasValue ? args[++i] : null;
        }
        return parsed;
    }

    public string? Flag(string name) => _flags.GetValueOrDefault(name);

    public bool Has(string name) => _flags.ContainsKey(name);

    public string Required(string name, string example) =>
        Flag(name) ?? throw new CliUsageError($"Missing {name}, e.g. {name} {example}.");

    /// <summary>The path given by <paramref name="name"/>, which must name an existing file.</summary>
    public string ExistingFile(string name, string example)
    {
        var file = Required(name, example);
        return File.Exists(file) ? file : throw new CliUsageError($"{name}: there is no file '{file}'.");
    }

    /// <summary>The dataset version named by --version, or null for the newest.</summary>
    public int? VersionNumber() => Flag("--version") is { } raw
        ? int.TryParse(raw, out var number) && number > 0 ? number : throw new CliUsageError($"--version: '{raw}' is not a version number.")
        : null;

    /// <summary>The configuration keys set by flags.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
        SettingFlags.Where(f => _flags.ContainsKey(f.Key)).Select(f => KeyValuePair.Create(f.Value, _flags[f.Key]));

    /// <summary>Fails on flags the command does not know, naming them.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _flags.Keys.Where(k => !names.Contains(k) && !SettingFlags.ContainsKey(k)).ToList();
        if (unknown.Count > 0) throw new CliUsageError($"Unknown flag(s) {string.Join(", ", unknown)} for '{string.Join(' ', Command)}'.");
    }
}

/// <summary>The command line is wrong; the message says how to write it.</summary>
internal sealed class CliUsageError(string message) : Exception(message);
