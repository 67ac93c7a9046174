using Governance.Training.Models.Llama;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Models;

/// <summary>The Llama family against <see cref="NaiveLlama"/>, the forward pass written out with plain loops.</summary>
public sealed class LlamaReferenceTests
{
    public static TheoryData<string> Variants => ["llama with grouped-query attention", "qwen2 with q,k,v bias and tied head", "llama with all biases and head_dim apart from hidden/heads"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Logits_equal_the_naive_reference_within_1e_4(string variant)
    {
        using var scope = NewDisposeScope();
        using var model = TinyLlama.Create(config: ConfigOf(variant));
        model.eval();
        var tokens = TinyLlama.Tokens(seed: 3);

        var logits = model.call(tokens).to_type(ScalarType.Float64);

        var reference = NaiveLlama.Of(model);
        for (var row = 0; row < tokens.shape[0]; row++)
        {
            var expected = reference.Logits(tokens[row].data<long>().ToArray());
            var flat = expected.SelectMany(values => values).ToArray();
            Assert.True(flat.Select(Math.Abs).Max() > 1, "logits this small would hide errors");
            TensorAssert.Close(tensor(flat).reshape(expected.Length, -1), logits[row], 1e-4);
        }
    }

    [Fact]
    public void Grouped_query_attention_equals_multi_head_attention_with_each_key_value_head_repeated_for_its_queries()
    {
        using var scope = NewDisposeScope();
        using var grouped = TinyLlama.Create();
        using var multiHead = new LlamaForCausalLM(TinyLlama.Config with { KeyValueHeadCount = TinyLlama.Config.HeadCount });
        var groupedWeights = grouped.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
            foreach (var (name, parameter) in multiHead.named_parameters())
            {
                var source = groupedWeights[name];
                // k_proj and v_proj rows come in heads of 8; query heads 0,1 read key/value head 0 and heads 2,3 head 1.
                parameter.copy_(name.Contains("k_proj") || name.Contains("v_proj")
                    ? source.view(2, 8, 32).repeat_interleave(2, 0).reshape(32, 32)
                    : source);
            }
        var tokens = TinyLlama.Tokens(seed: 4);

        TensorAssert.Close(grouped.call(tokens), multiHead.call(tokens), 1e-5);
    }

    private static LlamaConfig ConfigOf(string variant) => variant switch
    {
        "qwen2 with q,k,v bias and tied head" => TinyLlama.Qwen2Config,
        "llama with all biases and head_dim apart from hidden/heads" => TinyLlama.Config with
        {
            HeadSize = 6, QkvBias = true, OutputBias = true, MlpBias = true, RopeTheta = 500,
        },
        _ => TinyLlama.Config,
    };
}
