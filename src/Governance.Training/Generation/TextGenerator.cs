using Governance.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Generation;

/// <summary>
/// Continues prompts with a causal language model (token ids [batch, time] to logits [batch, time, vocab]), one token
/// at a time. A model that keeps a key/value cache (<see cref="ICachedCausalLm"/>: the product's GPT-2 and Llama
/// families) reads the prompt once and then only each new token; any other model is run over the whole context each
/// step. Once the context outgrows the last <c>maxPositions</c> tokens the model can read, it is trimmed to them and
/// re-read each step, since positions shift.
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
        using var reader = new ContextReader(model, maxPositions, inference.Device);
        while (generated.Count < settings.MaxNewTokens)
        {
            int next;
            using (NewDisposeScope()) next = NextTokenSampler.Pick(reader.NextLogits(context), settings, generator);
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

    private static int FirstStop(string text, IReadOnlyList<string> stops) =>
        stops.Select(stop => text.IndexOf(stop, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    /// <summary>Reads a growing context: from the model's cache while it fits, else the last maxPositions tokens afresh.</summary>
    private sealed class ContextReader(nn.Module<Tensor, Tensor> model, int maxPositions, Device device) : IDisposable
    {
        private KeyValueCache? _cache = model is ICachedCausalLm cached ? new KeyValueCache(cached.CachedLayers) : null;

        /// <summary>The logits [vocab] that follow <paramref name="context"/>.</summary>
        public Tensor NextLogits(List<int> context)
        {
            if (_cache is not null && context.Count > maxPositions) Dispose(); // positions shift from here on
            if (_cache is not null) return ((ICachedCausalLm)model).Forward(Ids(context.Skip((int)_cache.Length)), _cache)[0, -1];
            return model.call(Ids(context.Count > maxPositions ? context[^maxPositions..] : context))[0, -1];
        }

        public void Dispose()
        {
            _cache?.Dispose();
            _cache = null;
        }

        private Tensor Ids(IEnumerable<int> ids) => tensor(ids.Select(id => (long)id).ToArray(), device: device).unsqueeze(0);
    }
}
