namespace Governance.Training.Tests.Tokenization;

/// <summary>Generated sentences of one domain (annotation governance), so a tokenizer trained on them has a domain.</summary>
public static class DomainCorpus
{
    private static readonly string[] Subjects = ["The annotator", "A reviewer", "The compliance officer", "Each engineer", "The manager", "An auditor"];
    private static readonly string[] Verbs = ["labels", "reviews", "approves", "rejects", "exports", "audits", "redacts", "releases"];
    private static readonly string[] Objects = ["the dataset", "every record", "the training release", "each adapter", "the PII findings", "the evidence report"];
    private static readonly string[] Endings = ["before the deadline.", "with segregation of duties.", "and signs the audit trail.", "for version {0}.", "in {0} minutes."];

    public static IEnumerable<string> Lines(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return string.Join(' ', Pick(random, Subjects), Pick(random, Verbs), Pick(random, Objects),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, Endings), random.Next(1, 500)));
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
