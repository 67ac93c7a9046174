using Governance.Core.Validation;

namespace Governance.Core.Models;

/// <summary>The form every SHA-256 takes in the registry: 64 hex digits, stored in lower case.</summary>
public static class Sha256Hex
{
    /// <summary><paramref name="value"/> in lower case; refused, naming <paramref name="field"/>, unless it is 64 hex digits.</summary>
    public static string Require(string? value, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length != 64 || !trimmed.All(Uri.IsHexDigit))
            throw new ValidationError(field, $"Give the SHA-256 as 64 hex digits (e.g. from 'sha256sum'); got '{Shorten(trimmed)}'.");
        return trimmed.ToLowerInvariant();
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;
}
