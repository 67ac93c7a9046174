using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;

namespace Governance.Portal.Annotation;

/// <summary>Canonical answers as short readable text per question, for reviewers and the history.</summary>
public static class AnswerText
{
    /// <summary>One line per question of <paramref name="answers"/>.</summary>
    public static IReadOnlyList<(string Question, string Answer)> Describe(IReadOnlyList<Question> questions, string? answers)
    {
        if (string.IsNullOrEmpty(answers)) return [];
        using var document = JsonDocument.Parse(answers);
        var root = document.RootElement;
        return
        [
            .. questions.Where(q => root.TryGetProperty(q.Key, out _)).Select(q => (q.Title, Describe(q, root.GetProperty(q.Key)))),
        ];
    }

    private static string Describe(Question question, JsonElement value) => question.Kind switch
    {
        QuestionKind.Preference => value.GetString() == "a" ? "response a (the record's chosen)" : "response b (the record's rejected)",
        QuestionKind.Rating => string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {p.Value}")),
        QuestionKind.MultiLabel => value.GetArrayLength() == 0 ? "(none)" : string.Join(", ", value.EnumerateArray().Select(v => v.GetString())),
        QuestionKind.Span => value.GetArrayLength() == 0 ? "(no spans)" : string.Join("; ", SpanAnswers.Read(value).Select(s => $"{s.Label} {s.Start}–{s.End}")),
        _ => value.GetString() ?? "",
    };
}
