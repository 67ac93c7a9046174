namespace Governance.Core.Bias;

/// <summary>The tallies an audit keeps, per group in configuration order: all the memory an audit needs, whatever the data's size.</summary>
internal sealed class BiasCounts(int groups)
{
    public long Records { get; set; }

    public long LabelledRecords { get; set; }

    public long PreferenceRecords { get; set; }

    /// <summary>Records mentioning the group.</summary>
    public long[] Mentions { get; } = new long[groups];

    /// <summary>Records where a text mentions the group and carries a negative term.</summary>
    public long[] Negative { get; } = new long[groups];

    /// <summary>Labelled records mentioning the group, and the favourable ones among them.</summary>
    public long[] Labelled { get; } = new long[groups];

    public long[] Favourable { get; } = new long[groups];

    /// <summary>Preference pairs where exactly one response mentions the group, and those where it is the chosen one.</summary>
    public long[] Pairs { get; } = new long[groups];

    public long[] Chosen { get; } = new long[groups];
}
