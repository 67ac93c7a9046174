using Governance.Training.Models.Gpt2;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

/// <summary>GPT-2's layers against the formulas of transformers' implementation, written out step by step.</summary>
public sealed class Gpt2ReferenceTests
{
    [Fact]
    public void Attention_splits_c_attn_into_q_k_v_then_heads_and_masks_future_positions()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        using var attention = new Gpt2Attention(TinyGpt2.Config);
        var weights = attention.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var x = randn(2, 5, 64);

        // transformers: query, key, value = c_attn(x).split(n_embd, dim=2); each viewed as [B, T, heads, head_dim].
        var qkv = matmul(x, weights["c_attn.weight"]) + weights["c_attn.bias"];
        var heads = qkv.split(64, 2).Select(part => part.view(2, 5, 4, 16).transpose(1, 2)).ToArray();
        var scores = matmul(heads[0], heads[1].transpose(-2, -1)) / Math.Sqrt(16);
        var future = ones(5, 5, dtype: ScalarType.Bool).triu(1);
        var mixed = matmul(scores.masked_fill(future, float.NegativeInfinity).softmax(-1), heads[2]);
        var expected = matmul(mixed.transpose(1, 2).reshape(2, 5, 64), weights["c_proj.weight"]) + weights["c_proj.bias"];

        TensorAssert.Close(expected, attention.call(x), 1e-5);
    }

    [Fact]
    public void The_MLP_uses_the_tanh_approximation_of_GELU()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        using var mlp = new Gpt2Mlp(TinyGpt2.Config);
        var weights = mlp.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        // c_proj passes the activations through unscaled, and the inputs are wide enough to reach the range (|h| ~ 2)
        // where the tanh form and the exact (erf) form of GELU differ by ~1e-4.
        using (no_grad()) weights["c_proj.weight"].copy_(eye(256, 64));
        var x = randn(3, 64) * 30;

        var h = matmul(x, weights["c_fc.weight"]) + weights["c_fc.bias"];
        var gelu = 0.5 * h * (1 + tanh(Math.Sqrt(2 / Math.PI) * (h + 0.044715 * h.pow(3))));
        var expected = matmul(gelu, weights["c_proj.weight"]) + weights["c_proj.bias"];

        var exactGelu = matmul(nn.functional.gelu(h), weights["c_proj.weight"]) + weights["c_proj.bias"];

        TensorAssert.Close(expected, mlp.call(x), 1e-5);
        Assert.True(TensorAssert.MaxGap(exactGelu, mlp.call(x)) > 1e-4);
    }
}
