using System.Globalization;
using Governance.Core.Validation;

namespace Governance.Core.Models;

/// <summary>
/// What an evaluation measured: perplexity of the base model and of the tuned one on the same held-out data, and any
/// further metrics by name (accuracy, refusal rate, ...).
/// </summary>
public sealed record ModelEvaluation(double BasePerplexity, double TunedPerplexity, IReadOnlyDictionary<string, double>? Metrics = null)
{
    /// <summary>Refuses, naming the field, a perplexity that is not a positive number or a metric that is not a finite number.</summary>
    public ModelEvaluation Validated(string field)
    {
        if (!(BasePerplexity > 0) || double.IsInfinity(BasePerplexity))
            throw new ValidationError($"{field}.basePerplexity", "Give the base model's perplexity as a positive number.");
        if (!(TunedPerplexity > 0) || double.IsInfinity(TunedPerplexity))
            throw new ValidationError($"{field}.tunedPerplexity", "Give the tuned model's perplexity as a positive number.");
        foreach (var (name, value) in Metrics ?? new Dictionary<string, double>())
            if (string.IsNullOrWhiteSpace(name) || !double.IsFinite(value))
                throw new ValidationError($"{field}.metrics", $"Metric '{name}' needs a name and a finite value.");
        return this;
    }

    /// <summary>The evaluation as the model card states it.</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Perplexity {BasePerplexity:0.###} (base) → {TunedPerplexity:0.###} (tuned)");
        var metrics = (Metrics ?? new Dictionary<string, double>()).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.###}"));
        return string.Join("; ", [text, .. metrics]) + ".";
    }
}
