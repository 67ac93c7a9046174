namespace Governance.Core.Evaluation;

/// <summary>A prompt and the answer a model should give to it.</summary>
public sealed record ReferenceExample(string Prompt, string Reference);

/// <summary>
/// How close a model's generated answers come to their references, each metric averaged over the examples:
/// normalised exact match and token F1 (<see cref="AnswerMetrics"/>) and ROUGE-L F-measure (<see cref="RougeL"/>).
/// </summary>
public sealed record GenerationQuality(int Examples, double ExactMatch, double TokenF1, double RougeL)
{
    /// <summary>The averages over <paramref name="pairs"/> of generated and reference answers; all zero when there are none.</summary>
    public static GenerationQuality Of(IEnumerable<(string Prediction, string Reference)> pairs)
    {
        var (count, exact, f1, rouge) = (0, 0.0, 0.0, 0.0);
        foreach (var (prediction, reference) in pairs)
        {
            count++;
            exact += AnswerMetrics.ExactMatch(prediction, reference);
            f1 += AnswerMetrics.TokenF1(prediction, reference);
            rouge += Evaluation.RougeL.FMeasure(prediction, reference);
        }
        return count == 0 ? new GenerationQuality(0, 0, 0, 0) : new GenerationQuality(count, exact / count, f1 / count, rouge / count);
    }
}
