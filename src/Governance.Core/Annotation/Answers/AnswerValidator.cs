using System.Buffers;
using System.Text;
using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;

namespace Governance.Core.Annotation.Answers;

/// <summary>
/// Checks a submitted answer object (question key to answer) against the questions and the record, and writes it in
/// canonical form: keys in question order, multi-labels in label order, spans sorted. Refusals name the field
/// (<c>answers.&lt;key&gt;</c>) and say what is allowed.
/// </summary>
public static class AnswerValidator
{
    /// <summary>The canonical JSON of <paramref name="answers"/>, or a <see cref="ValidationError"/>.</summary>
    public static string Canonicalize(IReadOnlyList<Question> questions, JsonElement answers, DatasetRecord record)
    {
        if (answers.ValueKind != JsonValueKind.Object) throw new ValidationError("answers", "Answers are a JSON object of question key to answer.");
        var unknown = answers.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => questions.All(q => q.Key != n));
        if (unknown is not null) throw new ValidationError($"answers.{unknown}", $"This project has no question '{unknown}'; its questions are {string.Join(", ", questions.Select(q => q.Key))}.");
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var question in questions)
            {
                if (!answers.TryGetProperty(question.Key, out var value) || value.ValueKind == JsonValueKind.Null)
                    throw new ValidationError($"answers.{question.Key}", $"Answer '{question.Title}' before submitting.");
                json.WritePropertyName(question.Key);
                WriteAnswer(json, question, value, record, $"answers.{question.Key}");
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteAnswer(Utf8JsonWriter json, Question question, JsonElement value, DatasetRecord record, string field)
    {
        switch (question.Kind)
        {
            case QuestionKind.Response:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ValidationError(field, "The response is text.");
                if (string.IsNullOrWhiteSpace(text)) throw new ValidationError(field, "The response is empty: write or correct it.");
                json.WriteStringValue(text);
                break;
            case QuestionKind.Preference:
                var choice = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                json.WriteStringValue(choice is "a" or "b" ? choice : throw new ValidationError(field, $"Choose response \"a\" or \"b\"; '{value}' is neither."));
                break;
            case QuestionKind.SingleLabel:
                json.WriteStringValue(Label(question, value, field));
                break;
            case QuestionKind.MultiLabel:
                if (value.ValueKind != JsonValueKind.Array) throw new ValidationError(field, "Multi-label answers are a list of labels, e.g. [\"billing\"].");
                var chosen = value.EnumerateArray().Select(v => Label(question, v, field)).ToHashSet(StringComparer.Ordinal);
                json.WriteStartArray();
                foreach (var label in question.LabelList.Where(chosen.Contains)) json.WriteStringValue(label);
                json.WriteEndArray();
                break;
            case QuestionKind.Rating:
                WriteRatings(json, question, value, field);
                break;
            case QuestionKind.Span:
                SpanAnswers.Write(json, question, value, AnnotationText.SpanSource(record).Length, field);
                break;
        }
    }

    private static string Label(Question question, JsonElement value, string field)
    {
        var label = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
        return question.LabelList.Contains(label, StringComparer.Ordinal)
            ? label
            : throw new ValidationError(field, $"'{label}' is not a label of this question; the labels are {string.Join(", ", question.LabelList)}.");
    }

    private static void WriteRatings(Utf8JsonWriter json, Question question, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new ValidationError(field, "Ratings are an object of criterion to a number from 1 to 5.");
        var extra = value.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !question.CriterionList.Contains(n, StringComparer.Ordinal));
        if (extra is not null) throw new ValidationError($"{field}.{extra}", $"'{extra}' is not a criterion; the criteria are {string.Join(", ", question.CriterionList)}.");
        json.WriteStartObject();
        foreach (var criterion in question.CriterionList)
        {
            if (!value.TryGetProperty(criterion, out var rating) || !rating.TryGetInt32(out var number) || number is < Question.MinRating or > Question.MaxRating)
                throw new ValidationError($"{field}.{criterion}", $"Rate '{criterion}' with a whole number from {Question.MinRating} to {Question.MaxRating}.");
            json.WriteNumber(criterion, number);
        }
        json.WriteEndObject();
    }
}
