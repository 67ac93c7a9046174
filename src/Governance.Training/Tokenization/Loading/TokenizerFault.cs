namespace Governance.Training.Tokenization.Loading;

/// <summary>The one shape of every loading error: which file, which field, what is wrong with it.</summary>
internal static class TokenizerFault
{
    public static InvalidDataException In(string file, string field, string problem) =>
        new($"{file}: {field} {problem}");
}
