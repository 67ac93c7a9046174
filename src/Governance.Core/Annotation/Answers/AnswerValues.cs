using System.Text.Json;
using Governance.Core.Annotation.Agreement;
using Governance.Core.Annotation.Projects;

namespace Governance.Core.Annotation.Answers;

/// <summary>
/// The values agreement is computed over: one per question, except rating questions, which give one per criterion
/// (ordinal). Free-text responses have no coefficient (two good corrections rarely match word for word); reviewers
/// settle them.
/// </summary>
public static class AnswerValues
{
    /// <summary>A measurable part of a project's answers: a question, or one criterion of a rating question.</summary>
    public sealed record Dimension(string Key, string Title, MeasurementLevel Level);

    /// <summary>The dimensions of <paramref name="questions"/>, in question order.</summary>
    public static IReadOnlyList<Dimension> Dimensions(IReadOnlyList<Question> questions) =>
    [
        .. questions.SelectMany(q => q.Kind switch
        {
            QuestionKind.Response => [],
            QuestionKind.Rating => q.CriterionList.Select(c => new Dimension($"{q.Key}.{c}", $"{q.Title}: {c}", MeasurementLevel.Ordinal)),
            _ => new[] { new Dimension(q.Key, q.Title, MeasurementLevel.Nominal) },
        }),
    ];

    /// <summary>The value of <paramref name="dimension"/> in canonical answers, as agreement compares it.</summary>
    public static string Of(JsonElement answers, string dimension)
    {
        var dot = dimension.IndexOf('.');
        if (dot > 0) return answers.GetProperty(dimension[..dot]).GetProperty(dimension[(dot + 1)..]).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var value = answers.GetProperty(dimension);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Object =>
                string.Join(";", SpanAnswers.Read(value).Select(s => $"{s.Start}-{s.End}:{s.Label}")),
            JsonValueKind.Array => string.Join("|", value.EnumerateArray().Select(v => v.GetString())),
            _ => value.GetRawText(),
        };
    }

    /// <summary>Whether two canonical answer objects differ anywhere (free text included): a disagreement for review.</summary>
    public static bool Differ(IEnumerable<string> canonicalAnswers) => canonicalAnswers.Distinct(StringComparer.Ordinal).Skip(1).Any();
}
