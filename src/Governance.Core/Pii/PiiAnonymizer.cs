using System.Security.Cryptography;
using System.Text;
using Governance.Core.Validation;

namespace Governance.Core.Pii;

/// <summary>How found personal data is rewritten.</summary>
public enum AnonymizationOperator
{
    /// <summary>Removed.</summary>
    Redact,

    /// <summary>Replaced by its type in angle brackets, e.g. &lt;EMAIL_ADDRESS&gt;.</summary>
    Replace,

    /// <summary>Every letter and digit replaced by '*', keeping the last four characters of numbers of ten or more.</summary>
    Mask,

    /// <summary>Replaced by &lt;TYPE:first 16 hex digits of HMAC-SHA256(key, value)&gt;: equal values stay equal, without the key nothing is recoverable.</summary>
    Hash,

    /// <summary>Replaced by a realistic stand-in, the same one for the same value (<see cref="Pseudonyms"/>).</summary>
    Pseudonym,
}

/// <summary>
/// Rewrites the findings of a text with one operator, right to left so that offsets stay valid. One instance serves
/// one run: pseudonyms stay consistent across every text it rewrites.
/// </summary>
public sealed class PiiAnonymizer
{
    private readonly AnonymizationOperator _operator;
    private readonly byte[]? _key;
    private readonly Pseudonyms? _pseudonyms;

    /// <summary>An anonymizer; <paramref name="key"/> is required for <see cref="AnonymizationOperator.Hash"/> (at least 16 bytes).</summary>
    public PiiAnonymizer(AnonymizationOperator @operator, byte[]? key = null)
    {
        if (@operator == AnonymizationOperator.Hash && (key is null || key.Length < 16))
            throw new ValidationError("key", "Keyed hashing needs a secret of at least 16 bytes (the project's key).");
        (_operator, _key) = (@operator, key);
        // Stand-ins are seeded from the key when there is one, so that a re-run with the same key gives the same version.
        if (@operator == AnonymizationOperator.Pseudonym) _pseudonyms = new Pseudonyms(key is null ? 0 : BitConverter.ToInt32(SHA256.HashData(key)));
    }

    /// <summary><paramref name="text"/> with every finding rewritten; findings must not overlap (as <see cref="PiiScanner"/> returns them).</summary>
    public string Apply(string text, IReadOnlyList<PiiFinding> findings)
    {
        if (findings.Count == 0) return text;
        var result = new StringBuilder(text);
        foreach (var finding in findings.OrderByDescending(f => f.Start))
        {
            var value = text[finding.Start..finding.End];
            result.Remove(finding.Start, finding.Length).Insert(finding.Start, Rewrite(finding.Type, value));
        }
        return result.ToString();
    }

    private string Rewrite(string type, string value) => _operator switch
    {
        AnonymizationOperator.Redact => "",
        AnonymizationOperator.Replace => $"<{type}>",
        AnonymizationOperator.Mask => Mask(value),
        AnonymizationOperator.Pseudonym => _pseudonyms!.For(type, value),
        _ => $"<{type}:{Convert.ToHexStringLower(HMACSHA256.HashData(_key!, Encoding.UTF8.GetBytes(value)))[..16]}>",
    };

    private static string Mask(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        var keep = digits >= 10 ? 4 : 0;
        var chars = value.ToCharArray();
        for (int i = chars.Length - 1, kept = 0; i >= 0; i--)
        {
            if (!char.IsLetterOrDigit(chars[i])) continue;
            if (kept < keep) { kept++; continue; }
            chars[i] = '*';
        }
        return new string(chars);
    }
}
