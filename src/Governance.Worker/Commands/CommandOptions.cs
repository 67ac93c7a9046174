using System.Globalization;

namespace Governance.Worker.Commands;

/// <summary>"--name value" pairs and bare flags of a worker command; every mistake names the option.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="args"/>; <paramref name="flags"/> take no value.</summary>
    public CommandOptions(string[] args, params string[] flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected '{args[i]}'; options start with --");
            if (flags.Contains(args[i])) _values[args[i]] = "true";
            else if (i + 1 < args.Length) _values[args[i]] = args[++i];
            else throw new ArgumentException($"{args[i]} needs a value");
        }
    }

    /// <summary>Whether <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The text of <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <summary>The text of a required option.</summary>
    public string Required(string name) => _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required");

    /// <summary>A whole number of at least zero.</summary>
    public int Int(string name, int fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new ArgumentException($"{name} must be a whole number, not '{text}'");
}
