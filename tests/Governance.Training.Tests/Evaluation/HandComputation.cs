using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Evaluation;

/// <summary>Log-probabilities and argmaxes worked out in plain C# from a model's raw logits, to check the tensor code against.</summary>
public static class HandComputation
{
    /// <summary>The model's logits for <paramref name="ids"/>, one array of vocabulary size per position.</summary>
    public static double[][] Logits(nn.Module<Tensor, Tensor> model, IReadOnlyList<int> ids)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = model.call(tensor(ids.Select(id => (long)id).ToArray()).unsqueeze(0))[0].to_type(ScalarType.Float64);
        var (data, vocab) = (logits.data<double>().ToArray(), (int)logits.shape[1]);
        return [.. Enumerable.Range(0, ids.Count).Select(t => data[(t * vocab)..((t + 1) * vocab)])];
    }

    public static double LogProbability(double[] logits, int token)
    {
        var max = logits.Max();
        return logits[token] - max - Math.Log(logits.Sum(l => Math.Exp(l - max)));
    }

    public static int ArgMax(double[] logits) => Array.IndexOf(logits, logits.Max());

    /// <summary>Greedy decoding step by step: the argmax of the last position, the context cut to the last <paramref name="maxPositions"/> tokens.</summary>
    public static List<int> GreedyChain(nn.Module<Tensor, Tensor> model, IReadOnlyList<int> prompt, int newTokens, int maxPositions)
    {
        var context = prompt.ToList();
        for (var i = 0; i < newTokens; i++) context.Add(ArgMax(Logits(model, context.TakeLast(maxPositions).ToList())[^1]));
        return context[prompt.Count..];
    }
}
