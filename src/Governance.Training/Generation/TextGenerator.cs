using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Generation;

/// <summary>
/// Continues prompts with a causal language model (token ids [batch, time] to logits [batch, time, vocab]), one token
/// at a time. There is no key/value cache: every step runs the model over the whole context again, which costs
/// quadratically more for long outputs but is exact for any model of that call shape. The context is trimmed to the
/// last <c>maxPositions</c> tokens the model can read.
/// </summary>
public sealed class TextGenerator(nn.Module<Tensor, Tensor> model, TextCodec codec, int maxPositions)
{
    /// <summary>The continuation of <paramref name="prompt"/>.</summary>
    public GenerationResult Generate(string prompt, GenerationSettings settings) => Generate(codec.Encode(prompt), settings);

    /// <summary>The continuation of the prompt's token ids <paramref name="promptIds"/>.</summary>
    public GenerationResult Generate(IReadOnlyList<int> promptIds, GenerationSettings settings)
    {
        settings.Validate();
        if (promptIds.Count == 0) throw new ArgumentException("The prompt encodes to no tokens; give a non-empty prompt or start it with the model's BOS token.");
        var context = promptIds.ToList();
        var generated = new List<int>();
        using var generator = settings.Temperature > 0 ? new Generator(settings.Seed) : null;
        using var inference = InferenceScope.Enter(model);
        while (generated.Count < settings.MaxNewTokens)
        {
            var next = NextToken(context, settings, generator, inference.Device);
            if (next == settings.EosTokenId) return new GenerationResult(codec.Decode(generated), generated, GenerationStop.EndOfSequence);
            generated.Add(next);
            context.Add(next);
            if (settings.StopSequences.Count == 0) continue;
            var text = codec.Decode(generated);
            var stop = FirstStop(text, settings.StopSequences);
            if (stop >= 0) return new GenerationResult(text[..stop], generated, GenerationStop.StopSequence);
        }
        return new GenerationResult(codec.Decode(generated), generated, GenerationStop.Length);
    }

    private int NextToken(List<int> context, GenerationSettings settings, Generator? generator, Device device)
    {
        using var scope = NewDisposeScope();
        var window = context.Count > maxPositions ? context[^maxPositions..] : context;
        var ids = tensor(window.Select(id => (long)id).ToArray(), device: device).unsqueeze(0);
        return NextTokenSampler.Pick(model.call(ids)[0, -1], settings, generator);
    }

    private static int FirstStop(string text, IReadOnlyList<string> stops) =>
        stops.Select(stop => text.IndexOf(stop, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
}
