using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Core.Validation;

namespace Governance.Core.Bias;

/// <summary>
/// Reads and writes <see cref="BiasConfiguration"/> as JSON. The canonical form sorts every list whose order cannot
/// change a finding (axes, groups, terms, pairs), so that two configurations that audit alike hash alike.
/// </summary>
public static class BiasConfigurationJson
{
    /// <summary>Indented JSON in the order given, for editing.</summary>
    public static string Serialize(BiasConfiguration configuration) => JsonSerializer.Serialize(configuration, BiasJson.Indented);

    /// <summary>The configuration in <paramref name="json"/>, valid, or a <see cref="ValidationError"/> naming the field to fix.</summary>
    public static BiasConfiguration Parse(string json)
    {
        BiasConfiguration? configuration;
        try
        {
            configuration = JsonSerializer.Deserialize<BiasConfiguration>(json, BiasJson.Compact);
        }
        catch (JsonException e)
        {
            throw new ValidationError(FieldOf(e.Path), Reason(e));
        }
        if (configuration is null) throw new ValidationError("configuration", "expected a JSON object, found null");
        BiasConfigurationValidator.EnsureValid(configuration);
        return configuration;
    }

    /// <summary>One line of JSON with the order-free lists sorted: what <see cref="Hash"/> hashes.</summary>
    public static string Canonical(BiasConfiguration configuration) =>
        JsonSerializer.Serialize(Sorted(configuration), BiasJson.Compact);

    /// <summary>The lower-case hex SHA-256 of the UTF-8 <see cref="Canonical"/> form.</summary>
    public static string Hash(BiasConfiguration configuration) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(configuration))));

    /// <summary>The same configuration with axes, groups, terms and pairs in ordinal order.</summary>
    internal static BiasConfiguration Sorted(BiasConfiguration configuration) => configuration with
    {
        Axes = [.. configuration.Axes.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a with
        {
            Groups = [.. a.Groups.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => g with { Terms = Order(g.Terms) })],
            CounterfactualPairs = [.. a.CounterfactualPairs.OrderBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Second, StringComparer.Ordinal)],
        })],
        NegativeTerms = Order(configuration.NegativeTerms),
        Label = configuration.Label is { } label ? label with { FavourableValues = Order(label.FavourableValues) } : null,
    };

    private static string[] Order(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    /// <summary>"$.axes[2].groups[0].terms" becomes "axes[2].groups[0].terms".</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "configuration" : path.TrimStart('$').TrimStart('.');

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
            return "unknown field; check its spelling (names are camelCase, e.g. favourableValues)";
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("doesn't allow", StringComparison.Ordinal))
            return "must not be null";
        return e.InnerException is null && message.Contains("could not be converted", StringComparison.Ordinal)
            ? "has the wrong type (a list of strings, a number or an object is expected here)"
            : $"malformed JSON: {message.Split(" Path:")[0].TrimEnd('.')}";
    }
}
