using Governance.Training.Models.Llama;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

/// <summary>
/// The Llama forward pass written out with plain arrays and loops, one token and one head at a time, in double
/// precision: an independent reference for the TorchSharp model.
/// </summary>
public sealed class NaiveLlama(LlamaConfig config, IReadOnlyDictionary<string, double[]> weights)
{
    public static NaiveLlama Of(LlamaForCausalLM model) => new(model.Config, model.named_parameters().ToDictionary(
        p => p.name, p => p.parameter.detach().to_type(ScalarType.Float64).data<double>().ToArray()));

    /// <summary>Logits [time][vocab] for one sequence.</summary>
    public double[][] Logits(IReadOnlyList<long> ids)
    {
        var x = ids.Select(id => Row(weights["model.embed_tokens.weight"], (int)id, config.HiddenSize)).ToArray();
        for (var layer = 0; layer < config.LayerCount; layer++)
        {
            var prefix = $"model.layers.{layer}.";
            var attended = Attention(x.Select(h => Norm(h, prefix + "input_layernorm.weight")).ToArray(), prefix + "self_attn.");
            x = [.. x.Select((h, t) => Add(h, attended[t]))];
            x = [.. x.Select(h => Add(h, Mlp(Norm(h, prefix + "post_attention_layernorm.weight"), prefix + "mlp.")))];
        }
        var head = config.TieWordEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight";
        return [.. x.Select(h => Linear(Norm(h, "model.norm.weight"), head, hasBias: false))];
    }

    private double[][] Attention(double[][] h, string prefix)
    {
        var d = config.HeadSize;
        var q = h.Select((row, t) => Rotate(Linear(row, prefix + "q_proj", config.QkvBias), t)).ToArray();
        var k = h.Select((row, t) => Rotate(Linear(row, prefix + "k_proj", config.QkvBias), t)).ToArray();
        var v = h.Select(row => Linear(row, prefix + "v_proj", config.QkvBias)).ToArray();
        var mixed = new double[h.Length][];
        for (var t = 0; t < h.Length; t++)
        {
            mixed[t] = new double[config.HeadCount * d];
            for (var head = 0; head < config.HeadCount; head++)
            {
                var kvHead = head / config.QueriesPerKeyValue;
                // Causal: position t sees positions 0..t only.
                var scores = Enumerable.Range(0, t + 1).Select(s => Dot(q[t], head * d, k[s], kvHead * d, d) / Math.Sqrt(d)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(score => Math.Exp(score - max)).ToArray();
                for (var s = 0; s <= t; s++)
                    for (var i = 0; i < d; i++) mixed[t][head * d + i] += exp[s] / exp.Sum() * v[s][kvHead * d + i];
            }
        }
        return [.. mixed.Select(row => Linear(row, prefix + "o_proj", config.OutputBias))];
    }

    // Rotary embedding, rotate_half layout: element i pairs with element i + d/2 of the same head.
    private double[] Rotate(double[] projected, int position)
    {
        var d = config.HeadSize;
        var rotated = new double[projected.Length];
        for (var start = 0; start < projected.Length; start += d)
            for (var i = 0; i < d / 2; i++)
            {
                var angle = position * Math.Pow(config.RopeTheta, -2.0 * i / d);
                var (a, b) = (projected[start + i], projected[start + i + d / 2]);
                rotated[start + i] = a * Math.Cos(angle) - b * Math.Sin(angle);
                rotated[start + i + d / 2] = b * Math.Cos(angle) + a * Math.Sin(angle);
            }
        return rotated;
    }

    private double[] Mlp(double[] h, string prefix)
    {
        var gate = Linear(h, prefix + "gate_proj", config.MlpBias);
        var up = Linear(h, prefix + "up_proj", config.MlpBias);
        var activated = gate.Select((g, i) => g / (1 + Math.Exp(-g)) * up[i]).ToArray();
        return Linear(activated, prefix + "down_proj", config.MlpBias);
    }

    private double[] Norm(double[] h, string weight)
    {
        var scale = 1 / Math.Sqrt(h.Sum(value => value * value) / h.Length + config.RmsNormEpsilon);
        return [.. h.Select((value, i) => value * scale * weights[weight][i])];
    }

    private double[] Linear(double[] x, string layer, bool hasBias)
    {
        var weight = weights.TryGetValue(layer + ".weight", out var w) ? w : weights[layer];
        var outputs = weight.Length / x.Length;
        return [.. Enumerable.Range(0, outputs).Select(o => Dot(weight, o * x.Length, x, 0, x.Length) + (hasBias ? weights[layer + ".bias"][o] : 0))];
    }

    private static double Dot(double[] a, int aStart, double[] b, int bStart, int length)
    {
        var sum = 0.0;
        for (var i = 0; i < length; i++) sum += a[aStart + i] * b[bStart + i];
        return sum;
    }

    private static double[] Row(double[] matrix, int row, int width) => matrix[(row * width)..((row + 1) * width)];

    private static double[] Add(double[] a, double[] b) => [.. a.Select((value, i) => value + b[i])];
}
