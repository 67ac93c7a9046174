using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Annotation;

public sealed class ProjectDefinitionTests
{
    private static ProjectDefinition With(params Question[] questions) => new("support", "Be kind.", questions, Overlap: 2);

    [Theory]
    [InlineData("Sentiment", "questions[0].key")]
    [InlineData("", "questions[0].key")]
    public void A_question_key_must_be_lower_case(string key, string field)
    {
        var error = Assert.Throws<ValidationError>(() => With(new Question(key, QuestionKind.SingleLabel, "?", ["a"])).Validate(RecordShape.Text));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Two_questions_may_not_share_a_key_and_labels_may_not_repeat()
    {
        Assert.Equal("questions[1].key", Assert.Throws<ValidationError>(() =>
            With(new Question("q", QuestionKind.SingleLabel, "?", ["a"]), new Question("q", QuestionKind.MultiLabel, "?", ["b"])).Validate(RecordShape.Text)).Field);
        Assert.Equal("questions[0].labels", Assert.Throws<ValidationError>(() =>
            With(new Question("q", QuestionKind.SingleLabel, "?", ["a", "a"])).Validate(RecordShape.Text)).Field);
        Assert.Equal("questions[0].labels", Assert.Throws<ValidationError>(() =>
            With(new Question("q", QuestionKind.SingleLabel, "?", [.. Enumerable.Range(1, 10).Select(i => $"l{i}")])).Validate(RecordShape.Text)).Field);
    }

    [Fact]
    public void A_preference_question_needs_preference_records()
    {
        var definition = With(new Question("better", QuestionKind.Preference, "Which is better?"));
        var error = Assert.Throws<ValidationError>(() => definition.Validate(RecordShape.PromptCompletion));
        Assert.Equal("questions[0].kind", error.Field);
        definition.Validate(RecordShape.Preference);
    }

    [Fact]
    public void Named_annotators_must_be_at_least_the_overlap()
    {
        var definition = With(new Question("q", QuestionKind.SingleLabel, "?", ["a"])) with { Annotators = ["ann"] };
        Assert.Equal("annotators", Assert.Throws<ValidationError>(() => definition.Validate(RecordShape.Text)).Field);
    }

    [Fact]
    public void Questions_survive_the_round_trip_through_their_stored_json()
    {
        var definition = With(new Question("q", QuestionKind.Rating, "How good?", Criteria: ["helpful"]));
        Assert.Equal(definition.Questions, ProjectDefinition.ReadQuestions(definition.QuestionsJson()), new QuestionComparer());
        Assert.Contains("\"kind\":\"Rating\"", definition.QuestionsJson());
    }

    private sealed class QuestionComparer : IEqualityComparer<Question>
    {
        public bool Equals(Question? x, Question? y) => x!.Key == y!.Key && x.Kind == y.Kind && x.Title == y.Title &&
            x.LabelList.SequenceEqual(y.LabelList) && x.CriterionList.SequenceEqual(y.CriterionList);

        public int GetHashCode(Question obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
