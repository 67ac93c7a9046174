using System.Text.Json;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Records;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Annotation;

public sealed class AnswerValidatorTests
{
    private static readonly Question Sentiment = new("sentiment", QuestionKind.SingleLabel, "Sentiment?", ["positive", "negative", "neutral"]);
    private static readonly Question Topics = new("topics", QuestionKind.MultiLabel, "Topics?", ["billing", "shipping", "returns"]);
    private static readonly Question Quality = new("quality", QuestionKind.Rating, "Quality", Criteria: ["helpful", "correct"]);
    private static readonly Question Names = new("names", QuestionKind.Span, "Mark names", ["PERSON"]);
    private static readonly DatasetRecord Record = new() { Shape = RecordShape.Text, Text = "Anna wrote to Ben." };

    private static string Check(string answers, params Question[] questions) =>
        AnswerValidator.Canonicalize(questions, JsonDocument.Parse(answers).RootElement, Record);

    [Fact]
    public void An_answer_outside_the_label_set_is_refused_naming_the_question_and_the_labels()
    {
        var error = Assert.Throws<ValidationError>(() => Check("""{"sentiment":"angry"}""", Sentiment));
        Assert.Equal("answers.sentiment", error.Field);
        Assert.Contains("'angry' is not a label", error.Message);
        Assert.Contains("positive, negative, neutral", error.Message);
    }

    [Fact]
    public void A_missing_answer_and_an_unknown_question_are_refused()
    {
        Assert.Equal("answers.sentiment", Assert.Throws<ValidationError>(() => Check("{}", Sentiment)).Field);
        Assert.Equal("answers.mood", Assert.Throws<ValidationError>(() => Check("""{"sentiment":"positive","mood":"x"}""", Sentiment)).Field);
    }

    [Fact]
    public void Multi_labels_come_out_in_label_order_and_spans_sorted_so_equal_answers_are_equal_text()
    {
        var first = Check("""{"topics":["returns","billing"],"names":[{"start":14,"end":17,"label":"PERSON"},{"start":0,"end":4,"label":"PERSON"}]}""", Topics, Names);
        var second = Check("""{"names":[{"start":0,"end":4,"label":"PERSON"},{"start":14,"end":17,"label":"PERSON"}],"topics":["billing","returns"]}""", Topics, Names);

        Assert.Equal(first, second);
        Assert.Equal("""{"topics":["billing","returns"],"names":[{"start":0,"end":4,"label":"PERSON"},{"start":14,"end":17,"label":"PERSON"}]}""", first);
    }

    [Theory]
    [InlineData("""{"quality":{"helpful":6,"correct":3}}""", "answers.quality.helpful")]
    [InlineData("""{"quality":{"helpful":2}}""", "answers.quality.correct")]
    [InlineData("""{"quality":{"helpful":2,"correct":3,"tone":1}}""", "answers.quality.tone")]
    public void Ratings_must_rate_every_criterion_from_1_to_5(string answers, string field)
    {
        Assert.Equal(field, Assert.Throws<ValidationError>(() => Check(answers, Quality)).Field);
    }

    [Fact]
    public void A_span_beyond_the_text_is_refused_with_the_text_length()
    {
        var error = Assert.Throws<ValidationError>(() => Check("""{"names":[{"start":10,"end":40,"label":"PERSON"}]}""", Names));
        Assert.Equal("answers.names[0]", error.Field);
        Assert.Contains("0 to 18", error.Message);
    }

    [Fact]
    public void A_preference_is_a_or_b_and_a_response_is_not_empty()
    {
        var choice = new Question("better", QuestionKind.Preference, "Which is better?");
        var response = new Question("answer", QuestionKind.Response, "Correct the answer");
        Assert.Equal("""{"better":"b"}""", Check("""{"better":"b"}""", choice));
        Assert.Throws<ValidationError>(() => Check("""{"better":"left"}""", choice));
        Assert.Equal("answers.answer", Assert.Throws<ValidationError>(() => Check("""{"answer":"  "}""", response)).Field);
    }
}
