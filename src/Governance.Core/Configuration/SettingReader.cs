namespace Governance.Core.Configuration;

/// <summary>
/// Reads typed settings from any key-value source and turns bad values into a <see cref="ConfigurationError"/>
/// that names the key and the accepted values.
/// </summary>
/// <param name="lookup">Returns the raw value of a key, or null when it is not set.</param>
public sealed class SettingReader(Func<string, string?> lookup)
{
    /// <summary>The raw value, or null when unset or blank.</summary>
    public string? Optional(string key) => string.IsNullOrWhiteSpace(lookup(key)) ? null : lookup(key)!.Trim();

    /// <summary>The raw value; a missing value is an error that says what the setting is for.</summary>
    public string Required(string key, string purpose) =>
        Optional(key) ?? throw new ConfigurationError(key, $"is not set; {purpose}.");

    /// <summary>An enum value by its name (case-insensitive), or <paramref name="fallback"/> when unset.</summary>
    public TEnum Enum<TEnum>(string key, TEnum fallback) where TEnum : struct, Enum
    {
        var raw = Optional(key);
        if (raw is null) return fallback;
        if (System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value) &&
            !int.TryParse(raw, out _))
            return value;
        throw new ConfigurationError(key, $"'{raw}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    /// <summary>A positive whole number, or <paramref name="fallback"/> when unset.</summary>
    public int PositiveInt(string key, int fallback)
    {
        var raw = Optional(key);
        if (raw is null) return fallback;
        return int.TryParse(raw, out var value) && value > 0
            ? value
            : throw new ConfigurationError(key, $"'{raw}' is not a whole number greater than zero.");
    }

    /// <summary>A positive whole number that may exceed 2^31, or <paramref name="fallback"/> when unset.</summary>
    public long PositiveLong(string key, long fallback)
    {
        var raw = Optional(key);
        if (raw is null) return fallback;
        return long.TryParse(raw, out var value) && value > 0
            ? value
            : throw new ConfigurationError(key, $"'{raw}' is not a whole number greater than zero.");
    }

    /// <summary>true or false, or <paramref name="fallback"/> when unset.</summary>
    public bool Bool(string key, bool fallback)
    {
        var raw = Optional(key);
        if (raw is null) return fallback;
        return bool.TryParse(raw, out var value)
            ? value
            : throw new ConfigurationError(key, $"'{raw}' is not true or false.");
    }
}
