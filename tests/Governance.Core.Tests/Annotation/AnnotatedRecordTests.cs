using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;
using Governance.Core.Datasets.Records;

namespace Governance.Core.Tests.Annotation;

public sealed class AnnotatedRecordTests
{
    [Fact]
    public void A_preference_for_b_swaps_chosen_and_rejected_and_the_answers_go_to_metadata()
    {
        var record = new DatasetRecord { Shape = RecordShape.Preference, Prompt = "p", Chosen = "first", Rejected = "second" };
        var better = new Question("better", QuestionKind.Preference, "Which is better?");

        var merged = AnnotatedRecord.Apply(record, [better], """{"better":"b"}""");

        Assert.Equal(("second", "first"), (merged.Chosen, merged.Rejected));
        Assert.Equal("""{"better":"b"}""", merged.Metadata[AnnotatedRecord.MetadataField].GetRawText());
    }

    [Fact]
    public void A_response_replaces_the_completion_and_a_label_becomes_the_classification_label()
    {
        var answer = new Question("answer", QuestionKind.Response, "Correct it");
        var sft = new DatasetRecord { Shape = RecordShape.PromptCompletion, Prompt = "p", Completion = "old" };
        Assert.Equal("new", AnnotatedRecord.Apply(sft, [answer], """{"answer":"new"}""").Completion);

        var topic = new Question("topic", QuestionKind.SingleLabel, "Topic", ["billing", "shipping"]);
        var classified = new DatasetRecord { Shape = RecordShape.Classification, Text = "t", Labels = ["billing"] };
        Assert.Equal(["shipping"], AnnotatedRecord.Apply(classified, [topic], """{"topic":"shipping"}""").Labels!);
    }

    [Fact]
    public void A_response_to_a_conversation_replaces_its_last_assistant_turn()
    {
        var chat = new DatasetRecord { Shape = RecordShape.Messages, Messages = [new("user", "hi"), new("assistant", "yo")] };
        var merged = AnnotatedRecord.Apply(chat, [new Question("answer", QuestionKind.Response, "Reply")], """{"answer":"Hello, how can I help?"}""");
        Assert.Equal([new ChatTurn("user", "hi"), new ChatTurn("assistant", "Hello, how can I help?")], merged.Messages!);
    }
}
