using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Annotation.Answers;
using Governance.Core.Annotation.Projects;

namespace Governance.Portal.Annotation;

/// <summary>
/// The answers being edited on a page, question by question, and what the keyboard does to them. It reads a draft or
/// a submitted answer and writes the JSON the server checks; whether it is complete is the server's call.
/// </summary>
public sealed class AnswerDraft(IReadOnlyList<Question> questions)
{
    private readonly Dictionary<string, string> _text = [];
    private readonly Dictionary<string, HashSet<string>> _multi = [];
    private readonly Dictionary<string, Dictionary<string, int>> _ratings = [];
    private readonly Dictionary<string, List<SpanAnswers.Span>> _spans = [];

    public IReadOnlyList<Question> Questions { get; } = questions;

    /// <summary>The question the digits answer.</summary>
    public int Active { get; private set; }

    /// <summary>The criterion of the active rating question the digits rate.</summary>
    public int ActiveCriterion { get; private set; }

    public string? Text(Question q) => _text.GetValueOrDefault(q.Key);

    public void SetText(Question q, string? value)
    {
        if (value is null) _text.Remove(q.Key);
        else _text[q.Key] = value;
    }

    public bool Has(Question q, string label) => _multi.TryGetValue(q.Key, out var set) && set.Contains(label);

    public void Toggle(Question q, string label)
    {
        var set = _multi.TryGetValue(q.Key, out var s) ? s : _multi[q.Key] = [];
        if (!set.Remove(label)) set.Add(label);
    }

    public int? Rating(Question q, string criterion) => _ratings.TryGetValue(q.Key, out var r) && r.TryGetValue(criterion, out var v) ? v : null;

    public void Rate(Question q, string criterion, int value) => (_ratings.TryGetValue(q.Key, out var r) ? r : _ratings[q.Key] = [])[criterion] = value;

    public IReadOnlyList<SpanAnswers.Span> Spans(Question q) => _spans.GetValueOrDefault(q.Key) ?? [];

    public void AddSpan(Question q, SpanAnswers.Span span) => (_spans.TryGetValue(q.Key, out var l) ? l : _spans[q.Key] = []).Add(span);

    public void RemoveSpan(Question q, SpanAnswers.Span span) => _spans.GetValueOrDefault(q.Key)?.Remove(span);

    /// <summary>Moves the active question (and, inside a rating question, the criterion) by <paramref name="step"/>.</summary>
    public void Move(int step)
    {
        var q = Questions[Active];
        var criterion = ActiveCriterion + step;
        if (q.Kind == QuestionKind.Rating && criterion >= 0 && criterion < q.CriterionList.Count) { ActiveCriterion = criterion; return; }
        Active = Math.Clamp(Active + step, 0, Questions.Count - 1);
        ActiveCriterion = step > 0 ? 0 : Math.Max(0, Questions[Active].CriterionList.Count - 1);
    }

    /// <summary>Makes question <paramref name="index"/> active (clicking it).</summary>
    public void Activate(int index) => (Active, ActiveCriterion) = (Math.Clamp(index, 0, Questions.Count - 1), 0);

    /// <summary>
    /// What digit <paramref name="digit"/> (1-9) does to the active question: picks or toggles a label, picks the left
    /// or right response, rates the active criterion and moves on; for spans it labels <paramref name="selection"/>.
    /// Returns false when the digit means nothing there.
    /// </summary>
    public bool Digit(int digit, IReadOnlyList<string>? shownOrder, (int Start, int End)? selection)
    {
        var q = Questions[Active];
        var index = digit - 1;
        switch (q.Kind)
        {
            case QuestionKind.SingleLabel when index < q.LabelList.Count:
                SetText(q, q.LabelList[index]);
                return true;
            case QuestionKind.MultiLabel when index < q.LabelList.Count:
                Toggle(q, q.LabelList[index]);
                return true;
            case QuestionKind.Preference when shownOrder is { Count: 2 } && index < 2:
                SetText(q, shownOrder[index]);
                return true;
            case QuestionKind.Rating when digit is >= Question.MinRating and <= Question.MaxRating && q.CriterionList.Count > 0:
                Rate(q, q.CriterionList[ActiveCriterion], digit);
                if (ActiveCriterion < q.CriterionList.Count - 1) ActiveCriterion++;
                return true;
            case QuestionKind.Span when index < q.LabelList.Count && selection is { } s && s.End > s.Start:
                AddSpan(q, new SpanAnswers.Span(s.Start, s.End, q.LabelList[index]));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The answers as the server reads them; unanswered questions are left out.</summary>
    public JsonElement ToJson()
    {
        var root = new JsonObject();
        foreach (var q in Questions)
        {
            JsonNode? node = q.Kind switch
            {
                QuestionKind.MultiLabel => _multi.TryGetValue(q.Key, out var set) ? new JsonArray([.. q.LabelList.Where(set.Contains).Select(l => JsonValue.Create(l))]) : null,
                QuestionKind.Rating => _ratings.TryGetValue(q.Key, out var r) ? new JsonObject(r.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))) : null,
                QuestionKind.Span => _spans.TryGetValue(q.Key, out var spans)
                    ? new JsonArray([.. spans.Select(s => new JsonObject { ["start"] = s.Start, ["end"] = s.End, ["label"] = s.Label })]) : null,
                _ => _text.TryGetValue(q.Key, out var text) ? JsonValue.Create(text) : null,
            };
            if (node is not null) root[q.Key] = node;
        }
        return JsonSerializer.SerializeToElement(root);
    }

    /// <summary>A draft filled from saved or submitted answers (as much of them as still fits the questions).</summary>
    public static AnswerDraft From(IReadOnlyList<Question> questions, string? json)
    {
        var draft = new AnswerDraft(questions);
        if (string.IsNullOrWhiteSpace(json)) return draft;
        using var document = JsonDocument.Parse(json);
        foreach (var q in questions)
        {
            if (!document.RootElement.TryGetProperty(q.Key, out var value)) continue;
            switch (q.Kind)
            {
                case QuestionKind.MultiLabel when value.ValueKind == JsonValueKind.Array:
                    foreach (var label in value.EnumerateArray()) draft.Toggle(q, label.GetString() ?? "");
                    break;
                case QuestionKind.Rating when value.ValueKind == JsonValueKind.Object:
                    foreach (var p in value.EnumerateObject()) if (p.Value.TryGetInt32(out var n)) draft.Rate(q, p.Name, n);
                    break;
                case QuestionKind.Span when value.ValueKind == JsonValueKind.Array:
                    foreach (var s in SpanAnswers.Read(value)) draft.AddSpan(q, s);
                    break;
                default:
                    if (value.ValueKind == JsonValueKind.String) draft.SetText(q, value.GetString());
                    break;
            }
        }
        return draft;
    }
}
