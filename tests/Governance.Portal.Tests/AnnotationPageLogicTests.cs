using Governance.Core.Annotation.Projects;
using Governance.Portal.Annotation;

namespace Governance.Portal.Tests;

public sealed class AnnotationPageLogicTests
{
    [Fact]
    public void Guidelines_render_markdown_but_never_raw_html_or_script_links()
    {
        var html = GuidelinesMarkdown.ToHtml("Label the **mood**. <script>alert(1)</script> [help](https://example.org) [x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(2))");

        Assert.Contains("<strong>mood</strong>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("href=\"https://example.org\"", html);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("href=\"[^\"]*script", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.Contains("href=\"#\">x</a>", html);
    }

    [Fact]
    public void Digits_pick_labels_rate_the_highlighted_criterion_and_move_on()
    {
        var mood = new Question("mood", QuestionKind.SingleLabel, "Mood?", ["positive", "neutral", "negative"]);
        var quality = new Question("quality", QuestionKind.Rating, "Quality", Criteria: ["helpful", "correct"]);
        var draft = new AnswerDraft([mood, quality]);

        Assert.True(draft.Digit(3, null, null));
        Assert.False(draft.Digit(4, null, null));
        draft.Move(1);
        draft.Digit(4, null, null);
        draft.Digit(2, null, null);

        Assert.Equal("""{"mood":"negative","quality":{"helpful":4,"correct":2}}""", draft.ToJson().GetRawText());
    }

    [Fact]
    public void A_preference_digit_picks_the_response_shown_on_that_side_and_a_span_digit_labels_the_selection()
    {
        var better = new Question("better", QuestionKind.Preference, "Which is better?");
        var names = new Question("names", QuestionKind.Span, "Names", ["PERSON"]);
        var draft = new AnswerDraft([better, names]);

        draft.Digit(1, ["b", "a"], null);
        draft.Move(1);
        Assert.False(draft.Digit(1, null, null));
        draft.Digit(1, null, (0, 4));

        Assert.Equal("""{"better":"b","names":[{"start":0,"end":4,"label":"PERSON"}]}""", draft.ToJson().GetRawText());
        Assert.Equal(draft.ToJson().GetRawText(), AnswerDraft.From([better, names], draft.ToJson().GetRawText()).ToJson().GetRawText());
    }
}
