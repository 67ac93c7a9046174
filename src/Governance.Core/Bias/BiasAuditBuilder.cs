namespace Governance.Core.Bias;

/// <summary>
/// A bias audit fed one record at a time: it keeps counters, never records, so a million records cost no more memory
/// than ten. Builders of the same configuration can be merged, so a caller may audit chunks in parallel. Not thread-safe.
/// </summary>
public sealed class BiasAuditBuilder
{
    private readonly BiasConfiguration _configuration;
    private readonly TermMatcher _matcher;
    private readonly HashSet<string>? _favourable;
    private readonly BiasCounts _counts;
    private readonly int _groups;
    private readonly bool[] _found, _mentioned, _cooccurring, _inChosen, _inRejected;

    /// <summary>A builder for <paramref name="configuration"/>; throws a <see cref="Validation.ValidationError"/> when it is not valid.</summary>
    public BiasAuditBuilder(BiasConfiguration configuration)
    {
        BiasConfigurationValidator.EnsureValid(configuration);
        // Sorted, so that group order, and with it the result, does not depend on the order the configuration was written in.
        _configuration = BiasConfigurationJson.Sorted(configuration);
        ConfigurationHash = BiasConfigurationJson.Hash(_configuration);
        var groups = _configuration.Axes.SelectMany((axis, layer) => axis.Groups.Select(group => (group, layer))).ToList();
        _groups = groups.Count;
        var groupTerms = groups.SelectMany((g, id) => g.group.Terms.Select(term => (term, id, g.layer)));
        var negativeTerms = _configuration.NegativeTerms.Select(term => (term, _groups, _configuration.Axes.Count));
        _matcher = new TermMatcher(groupTerms.Concat(negativeTerms));
        _favourable = _configuration.Label is { } label ? new HashSet<string>(label.FavourableValues, StringComparer.Ordinal) : null;
        _counts = new BiasCounts(_groups);
        (_found, _mentioned, _cooccurring) = (new bool[_groups + 1], new bool[_groups], new bool[_groups]);
        (_inChosen, _inRejected) = (new bool[_groups + 1], new bool[_groups + 1]);
    }

    /// <summary>The hash of the configuration, as the result will carry it.</summary>
    public string ConfigurationHash { get; }

    /// <summary>Records added so far.</summary>
    public long Records => _counts.Records;

    /// <summary>Counts <paramref name="record"/>.</summary>
    public void Add(BiasRecord record)
    {
        Array.Clear(_mentioned);
        Array.Clear(_cooccurring);
        foreach (var text in record.Texts) Scan(text, _found);
        var pair = record.Chosen is not null && record.Rejected is not null;
        Scan(record.Chosen, _inChosen);
        Scan(record.Rejected, _inRejected);
        var labelled = _favourable is not null && record.Labels is { Count: > 0 };
        var favourable = labelled && IsFavourable(record.Labels!);
        _counts.Records++;
        if (labelled) _counts.LabelledRecords++;
        if (pair) _counts.PreferenceRecords++;
        for (var g = 0; g < _groups; g++)
        {
            if (_mentioned[g])
            {
                _counts.Mentions[g]++;
                if (_cooccurring[g]) _counts.Negative[g]++;
                if (labelled) _counts.Labelled[g]++;
                if (favourable) _counts.Favourable[g]++;
            }
            if (pair && _inChosen[g] != _inRejected[g])
            {
                _counts.Pairs[g]++;
                if (_inChosen[g]) _counts.Chosen[g]++;
            }
        }
    }

    /// <summary>The findings over every record added.</summary>
    public BiasAuditResult Build() => BiasFindings.Compute(_configuration, ConfigurationHash, _counts);

    /// <summary>Marks in <paramref name="found"/> the groups the text mentions, and folds them into the record's marks.</summary>
    private void Scan(string? text, bool[] found)
    {
        Array.Clear(found);
        if (text is null) return;
        _matcher.Scan(Words.Normalized(text), found);
        var negative = found[_groups];
        for (var g = 0; g < _groups; g++)
            if (found[g])
            {
                _mentioned[g] = true;
                _cooccurring[g] |= negative;
            }
    }

    private bool IsFavourable(IReadOnlyList<string> labels)
    {
        foreach (var label in labels)
            if (_favourable!.Contains(label)) return true;
        return false;
    }
}
