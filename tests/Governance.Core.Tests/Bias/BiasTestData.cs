using Governance.Core.Bias;

namespace Governance.Core.Tests.Bias;

/// <summary>A two-group gender axis and twelve hand-made records whose metrics are worked out by hand in the tests.</summary>
internal static class BiasTestData
{
    public static BiasGroup Group(string name, params string[] terms) => new() { Name = name, Terms = terms };

    public static BiasConfiguration Gender(int minimumRecords = 1, BiasLabel? label = null, BiasThresholds? thresholds = null) => new()
    {
        Axes =
        [
            new BiasAxis
            {
                Name = "gender", Groups = [Group("female", "she", "woman"), Group("male", "he", "man")],
                CounterfactualPairs = [new CounterfactualPair { First = "he", Second = "she" }, new CounterfactualPair { First = "man", Second = "woman" }],
            },
        ],
        NegativeTerms = ["lazy", "stupid"],
        Label = label,
        Thresholds = (thresholds ?? new BiasThresholds()) with { MinimumRecords = minimumRecords },
    };

    public static readonly BiasLabel Approve = new() { Field = "label", FavourableValues = ["approve"] };

    /// <summary>
    /// Male: records 1-7 (7), negative 3 and 4, approved 1, 2, 3, 4, 7. Female: records 7-10 (4), negative 9,
    /// approved 7 and 8. Records 11 and 12 mention nobody: "the", "weather" and "other" hold "he" only inside a word.
    /// </summary>
    public static readonly BiasRecord[] Twelve =
    [
        Text("he is a man", "approve"),
        Text("He fixed it", "approve"),
        Text("the man was lazy", "approve"),
        Text("he is stupid", "approve"),
        Text("he sings", "reject"),
        Text("HE runs", "reject"),
        Text("she and he talk", "approve"),
        Text("she writes", "approve"),
        Text("the woman was lazy", "reject"),
        Text("She reads", "reject"),
        Text("the weather", "reject"),
        Text("other things", null),
    ];

    public static BiasRecord Text(string text, string? label = null) => new([text], label is null ? null : [label]);

    public static BiasAuditResult RunAudit(BiasConfiguration configuration, IEnumerable<BiasRecord> records)
    {
        var builder = new BiasAuditBuilder(configuration);
        foreach (var record in records) builder.Add(record);
        return builder.Build();
    }

    public static T Group<T>(IEnumerable<T> groups, Func<T, string> name, string wanted) => groups.Single(g => name(g) == wanted);
}
