namespace Governance.Core.Pii.Evaluation;

/// <summary>A labelled span of an evaluation record.</summary>
public sealed record LabelledSpan(string Type, int Start, int End);

/// <summary>An evaluation record: a text and every piece of personal data in it.</summary>
public sealed record LabelledText(string Text, IReadOnlyList<LabelledSpan> Entities);

/// <summary>Precision, recall and F2 of one type (or "ALL"), from counts of true positives, false positives and false negatives.</summary>
public sealed record TypeScore(string Type, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Share of findings that were right.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

    /// <summary>Share of labelled spans found.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : TruePositives / (double)(TruePositives + FalseNegatives);

    /// <summary>F-beta with beta 2: recall weighs four times precision, as missing personal data costs more than a false alarm.</summary>
    public double F2 => Precision + Recall == 0 ? 0 : 5 * Precision * Recall / (4 * Precision + Recall);
}

/// <summary>
/// Scores a scanner against labelled records: a finding is right when it overlaps a labelled span of the same type
/// not matched before; every other finding is a false positive, every unmatched span a false negative.
/// </summary>
public static class PiiEvaluation
{
    /// <summary>Scores per type (types with no labels and no findings left out), then "ALL".</summary>
    public static IReadOnlyList<TypeScore> Score(PiiScanner scanner, IEnumerable<LabelledText> records)
    {
        var counts = new Dictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
        void Add(string type, int tp, int fp, int fn)
        {
            var (a, b, c) = counts.GetValueOrDefault(type);
            counts[type] = (a + tp, b + fp, c + fn);
        }
        foreach (var record in records)
        {
            var unmatched = record.Entities.ToList();
            foreach (var finding in scanner.Scan(record.Text))
            {
                var match = unmatched.FirstOrDefault(e => e.Type == finding.Type && e.Start < finding.End && finding.Start < e.End);
                if (match is null) { Add(finding.Type, 0, 1, 0); continue; }
                unmatched.Remove(match);
                Add(finding.Type, 1, 0, 0);
            }
            foreach (var missed in unmatched) Add(missed.Type, 0, 0, 1);
        }
        var scores = PiiTypes.All.Where(counts.ContainsKey).Select(t => new TypeScore(t, counts[t].Tp, counts[t].Fp, counts[t].Fn)).ToList();
        scores.Add(new TypeScore("ALL", scores.Sum(s => s.TruePositives), scores.Sum(s => s.FalsePositives), scores.Sum(s => s.FalseNegatives)));
        return scores;
    }
}
