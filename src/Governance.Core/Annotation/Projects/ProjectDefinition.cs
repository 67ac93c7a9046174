using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;

namespace Governance.Core.Annotation.Projects;

/// <summary>What a Reviewer or Manager fills in to create a project; <see cref="Validate"/> names the field to fix.</summary>
public sealed record ProjectDefinition(
    string Name, string Guidelines, IReadOnlyList<Question> Questions, int Overlap = 1,
    IReadOnlyList<string>? Annotators = null, double GoldRate = 0, DateTimeOffset? Deadline = null)
{
    /// <summary>The most annotators per record.</summary>
    public const int MaxOverlap = 10;

    /// <summary>The highest share of gold records.</summary>
    public const double MaxGoldRate = 0.5;

    private static readonly Regex KeyPattern = new("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant);

    /// <summary>How questions are written to and read from <see cref="AnnotationProject.QuestionsJson"/> and the API.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The questions stored in a project.</summary>
    public static IReadOnlyList<Question> ReadQuestions(string json) => JsonSerializer.Deserialize<List<Question>>(json, Json)!;

    /// <summary>The questions as stored.</summary>
    public string QuestionsJson() => JsonSerializer.Serialize(Questions, Json);

    /// <summary>Refuses a definition that cannot work on records of <paramref name="shape"/>, naming the field.</summary>
    public void Validate(RecordShape shape)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100) throw new ValidationError("name", "Give the project a name of 1 to 100 characters.");
        if (Overlap is < 1 or > MaxOverlap) throw new ValidationError("overlap", $"Annotators per record must be 1 to {MaxOverlap}; it is {Overlap}.");
        if (GoldRate is < 0 or > MaxGoldRate || double.IsNaN(GoldRate)) throw new ValidationError("goldRate", $"The gold rate is a share from 0 to {MaxGoldRate}; it is {GoldRate}.");
        if ((Annotators ?? []).Count > 0 && Annotators!.Count < Overlap)
            throw new ValidationError("annotators", $"{Overlap} annotators per record need at least {Overlap} named annotators; {Annotators.Count} are named. Add annotators or leave the list empty for the pool.");
        if (Questions is null || Questions.Count == 0) throw new ValidationError("questions", "Add at least one question.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Questions.Count; i++) ValidateQuestion(Questions[i], $"questions[{i}]", shape, keys);
    }

    private static void ValidateQuestion(Question question, string field, RecordShape shape, HashSet<string> keys)
    {
        if (question.Key is null || !KeyPattern.IsMatch(question.Key))
            throw new ValidationError($"{field}.key", $"'{question.Key}' is not a key: use 1 to 32 lower-case letters, digits or '_', starting with a letter.");
        if (!keys.Add(question.Key)) throw new ValidationError($"{field}.key", $"The key '{question.Key}' is used by two questions.");
        if (string.IsNullOrWhiteSpace(question.Title)) throw new ValidationError($"{field}.title", "Write the question the annotator reads.");
        switch (question.Kind)
        {
            case QuestionKind.SingleLabel or QuestionKind.MultiLabel or QuestionKind.Span:
                CheckNames(question.LabelList, $"{field}.labels", "label", Question.MaxLabels);
                break;
            case QuestionKind.Rating:
                CheckNames(question.CriterionList, $"{field}.criteria", "criterion", Question.MaxLabels);
                break;
            case QuestionKind.Preference when shape != RecordShape.Preference:
                throw new ValidationError($"{field}.kind", $"A preference question needs a version of preference records (prompt, chosen, rejected); this one holds {shape} records.");
            case QuestionKind.Response when shape is not (RecordShape.PromptCompletion or RecordShape.Messages or RecordShape.Preference or RecordShape.Text):
                throw new ValidationError($"{field}.kind", $"A response question needs records with a prompt; this version holds {shape} records.");
        }
    }

    private static void CheckNames(IReadOnlyList<string> names, string field, string what, int max)
    {
        if (names.Count == 0 || names.Count > max) throw new ValidationError(field, $"Give 1 to {max} {what} names; {names.Count} given.");
        if (names.Any(string.IsNullOrWhiteSpace)) throw new ValidationError(field, $"A {what} name is empty.");
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ValidationError(field, $"The {what} '{duplicate.Key}' is listed twice.");
    }
}
