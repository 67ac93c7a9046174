using Governance.Core.Validation;

namespace Governance.Core.Bias;

/// <summary>
/// Checks a <see cref="BiasConfiguration"/> before it is used or stored. Each error names the field by its JSON path,
/// e.g. <c>axes[2].groups[0].terms</c>, so the portal can point at it and the CLI can print it.
/// </summary>
public static class BiasConfigurationValidator
{
    /// <summary>Every problem found; empty when the configuration is usable.</summary>
    public static IReadOnlyList<ValidationError> Validate(BiasConfiguration configuration)
    {
        var errors = new List<ValidationError>();
        if (configuration.Axes.Count == 0) errors.Add(new("axes", "empty; name at least one axis with two groups"));
        for (var i = 0; i < configuration.Axes.Count; i++) AxisErrors(configuration.Axes[i], $"axes[{i}]", errors);
        Duplicates(configuration.Axes.Select(a => a.Name), i => $"axes[{i}].name", "another axis has this name", errors);
        Terms(configuration.NegativeTerms, "negativeTerms", errors);
        if (configuration.Label is { } label)
        {
            if (string.IsNullOrWhiteSpace(label.Field)) errors.Add(new("label.field", "empty; give 'label' or the metadata field that holds the label"));
            if (label.FavourableValues.Count == 0) errors.Add(new("label.favourableValues", "empty; list the label values that count as favourable"));
        }
        ThresholdErrors(configuration.Thresholds, errors);
        return errors;
    }

    /// <summary>Throws the first problem, with a count of the others, as a <see cref="ValidationError"/>.</summary>
    public static void EnsureValid(BiasConfiguration configuration)
    {
        var errors = Validate(configuration);
        if (errors.Count == 0) return;
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem(s))" : "";
        throw new ValidationError(errors[0].Field, errors[0].Message + more);
    }

    private static void AxisErrors(BiasAxis axis, string at, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(axis.Name)) errors.Add(new($"{at}.name", "empty"));
        if (axis.Groups.Count < 2) errors.Add(new($"{at}.groups", "an axis needs at least two groups to compare"));
        for (var g = 0; g < axis.Groups.Count; g++)
        {
            if (string.IsNullOrWhiteSpace(axis.Groups[g].Name)) errors.Add(new($"{at}.groups[{g}].name", "empty"));
            Terms(axis.Groups[g].Terms, $"{at}.groups[{g}].terms", errors);
        }
        Duplicates(axis.Groups.Select(g => g.Name), g => $"{at}.groups[{g}].name", "another group of this axis has this name", errors);
        // A term in two groups would count every mention for both, hiding the very difference the audit measures.
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var g = 0; g < axis.Groups.Count; g++)
            for (var t = 0; t < axis.Groups[g].Terms.Count; t++)
                if (owner.TryGetValue(Words.Key(axis.Groups[g].Terms[t]), out var first) && first != axis.Groups[g].Name)
                    errors.Add(new($"{at}.groups[{g}].terms[{t}]", $"'{axis.Groups[g].Terms[t]}' is also a term of group '{first}'"));
                else owner.TryAdd(Words.Key(axis.Groups[g].Terms[t]), axis.Groups[g].Name);
        if (axis.PrivilegedGroup is { } privileged && axis.Groups.All(g => g.Name != privileged))
            errors.Add(new($"{at}.privilegedGroup", $"'{privileged}' is not a group of this axis"));
        PairErrors(axis.CounterfactualPairs, $"{at}.counterfactualPairs", errors);
    }

    private static void PairErrors(IReadOnlyList<CounterfactualPair> pairs, string at, List<ValidationError> errors)
    {
        // A term in two pairs would have two replacements; the swap must be a function.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < pairs.Count; p++)
            foreach (var (side, term) in new[] { ("first", pairs[p].First), ("second", pairs[p].Second) })
            {
                if (Words.Split(term).Count == 0) errors.Add(new($"{at}[{p}].{side}", "has no letters or digits"));
                else if (!seen.Add(Words.Key(term))) errors.Add(new($"{at}[{p}].{side}", $"'{term}' is already in another pair of this axis"));
            }
    }

    private static void Terms(IReadOnlyList<string> terms, string at, List<ValidationError> errors)
    {
        if (terms.Count == 0 && at != "negativeTerms") errors.Add(new(at, "empty; list the words that mention this group"));
        for (var t = 0; t < terms.Count; t++)
            if (Words.Split(terms[t]).Count == 0) errors.Add(new($"{at}[{t}]", "has no letters or digits, so it can never match"));
    }

    private static void Duplicates(IEnumerable<string> names, Func<int, string> field, string reason, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
            if (!string.IsNullOrWhiteSpace(name) && !seen.Add(name)) errors.Add(new(field(index), reason));
    }

    private static void ThresholdErrors(BiasThresholds thresholds, List<ValidationError> errors)
    {
        if (thresholds.Fail is not (> 0 and <= 1)) errors.Add(new("thresholds.fail", "must be above 0 and at most 1, e.g. 0.8"));
        if (thresholds.Warn is not (> 0 and <= 1) || thresholds.Warn < thresholds.Fail)
            errors.Add(new("thresholds.warn", "must be at most 1 and not below thresholds.fail, e.g. 0.9"));
        if (thresholds.MinimumRecords < 1) errors.Add(new("thresholds.minimumRecords", "must be at least 1, e.g. 30"));
    }
}
