using System.Diagnostics;
using Governance.Training.Devices;
using Governance.Training.Lora;
using Governance.Training.Models.Gpt2;
using Governance.Training.Objectives;
using Governance.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Benchmarks;

/// <summary>Throughput of one training configuration, against the dense fp32 matrix product rate of the same device.</summary>
/// <param name="Mode">"full" or "lora r=8".</param>
/// <param name="MatmulWeights">N of <see cref="ModelFlops"/>.</param>
/// <param name="FlopsPerToken">Training FLOPs per token by that convention.</param>
/// <param name="MedianStepMs">Median wall time of one optimiser step.</param>
/// <param name="TokensPerSecond">Tokens per step divided by the median step time.</param>
/// <param name="AchievedGflops">FLOPs per token times tokens per second.</param>
/// <param name="MatmulGflops">Median of the dense fp32 matrix product probes, one before each timed step.</param>
/// <param name="Utilisation">
/// Model FLOP utilisation: the median over steps of the step's achieved FLOP/s divided by the probe taken just before it.
/// </param>
public sealed record TrainingThroughput(string Mode, long MatmulWeights, double FlopsPerToken, double MedianStepMs,
    double TokensPerSecond, double AchievedGflops, double MatmulGflops, double Utilisation);

/// <summary>Resident memory sampled over a long run.</summary>
/// <param name="Samples">
/// After each sampled step: the bytes resident then, and the most resident at once since the warm-up (the peak inside
/// steps, which the samples taken between steps do not see).
/// </param>
public sealed record MemoryProfile(IReadOnlyList<(int Step, long Bytes, long PeakBytes)> Samples)
{
    /// <summary>The flatness bound: 10%.</summary>
    public const double FlatBound = 1.10;

    /// <summary>
    /// The first sample, <c>sampleEvery</c> steps in: the baseline. Not the first step, whose memory still holds what the
    /// first hand-back of freed pages returns, and which would hide growth below it.
    /// </summary>
    public long Baseline => Samples[0].Bytes;

    /// <summary>The largest sample.</summary>
    public long HighestSample => Samples.Max(s => s.Bytes);

    /// <summary>Largest sample over baseline.</summary>
    public double Growth => HighestSample / (double)Baseline;

    /// <summary>The peak over the first <c>sampleEvery</c> steps.</summary>
    public long FirstPeak => Samples[0].PeakBytes;

    /// <summary>The peak over the whole run.</summary>
    public long HighestPeak => Samples.Max(s => s.PeakBytes);

    /// <summary>Peak over the whole run over the peak of the first samples' steps.</summary>
    public double PeakGrowth => HighestPeak / (double)FirstPeak;

    /// <summary>Both the samples and the in-step peak stay within <see cref="FlatBound"/> of where they started.</summary>
    public bool Flat => Growth <= FlatBound && PeakGrowth <= FlatBound;
}

/// <summary>
/// Trains a GPT (the product's GPT-2 implementation, dropout off, untied head) on random tokens with the product's own
/// training step, and reports tokens/s, ms/step and model FLOP utilisation, or resident memory over many steps.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>The dense fp32 product size that sets the reference rate.</summary>
    public const int ReferenceMatmulSize = 1024;

    /// <summary>
    /// Times <see cref="TrainingBenchmarkOptions.Steps"/> steps after warm-up, each right after a matrix product probe, so
    /// that every step's utilisation is measured against the device's rate of that moment (shared machines drift).
    /// </summary>
    public static TrainingThroughput Throughput(TrainingBenchmarkOptions options)
    {
        options = options.Validated();
        var device = DeviceOf(options);
        using var memory = NativeMemory.ReuseLargeBlocks();
        using var run = new BenchRun(options);
        for (var i = 0; i < options.WarmupSteps; i++) run.Step();
        var tokensPerStep = options.Batch * (double)options.Sequence;
        var flopsPerToken = ModelFlops.PerToken(run.MatmulWeights, options.Layers, options.ModelWidth, options.Sequence, options.Lora);
        var (times, probes, utilisations) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < options.Steps; i++)
        {
            var probe = Probe(device);
            var clock = Stopwatch.StartNew();
            run.Step();
            var seconds = clock.Elapsed.TotalSeconds;
            times.Add(seconds * 1000);
            probes.Add(probe);
            utilisations.Add(flopsPerToken * tokensPerStep / seconds / 1e9 / probe);
        }
        var stepMs = Median(times);
        var tokensPerSecond = tokensPerStep / (stepMs / 1000);
        return new TrainingThroughput(options.Lora ? $"lora r={options.LoraRank}" : "full", run.MatmulWeights, flopsPerToken,
            stepMs, tokensPerSecond, flopsPerToken * tokensPerSecond / 1e9, Median(probes), Median(utilisations));
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps, sampling resident memory every <paramref name="sampleEvery"/>
    /// steps, handing freed C heap pages back every <paramref name="trimEvery"/> steps (0: never).
    /// </summary>
    public static MemoryProfile Memory(TrainingBenchmarkOptions options, int steps, int sampleEvery, int trimEvery, Action<int, long, long>? progress = null)
    {
        options = options.Validated();
        using var memory = NativeMemory.ReuseLargeBlocks();
        using var run = new BenchRun(options);
        for (var i = 0; i < options.WarmupSteps; i++) run.Step();
        ResidentMemory.ResetPeak();
        var samples = new List<(int, long, long)>();
        for (var step = 1; step <= steps; step++)
        {
            run.Step();
            if (trimEvery > 0 && step % trimEvery == 0) NativeMemory.TrimFreedMemory();
            if (step % sampleEvery != 0) continue;
            var (bytes, peak) = (ResidentMemory.Bytes(), ResidentMemory.Peak());
            samples.Add((step, bytes, peak));
            progress?.Invoke(step, bytes, peak);
        }
        return new MemoryProfile(samples);
    }

    private static TrainingDevice DeviceOf(TrainingBenchmarkOptions options) =>
        options.Device == "cuda" ? new TrainingDevice(TrainingDevice.Cuda, "cuda", 0) : new TrainingDevice(TrainingDevice.Cpu, "cpu", 0);

    private static double Probe(TrainingDevice device) => MatmulProbe.GigaflopsPerSecond(device, ReferenceMatmulSize, repeats: 10);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One model, optimiser and fixed batch on the device.</summary>
    private sealed class BenchRun : IDisposable
    {
        private readonly Gpt2LmHeadModel _model;
        private readonly optim.Optimizer _optimizer;
        private readonly Tensor _tokens;

        public BenchRun(TrainingBenchmarkOptions options)
        {
            var device = torch.device(options.Device);
            manual_seed(1);
            _model = new Gpt2LmHeadModel(new Gpt2Config
            {
                VocabSize = options.Vocabulary, ContextLength = options.Sequence, EmbeddingSize = options.ModelWidth,
                LayerCount = options.Layers, HeadCount = options.Heads, TieWordEmbeddings = false,
                EmbeddingDropout = 0, AttentionDropout = 0, ResidualDropout = 0,
            });
            _model.to(device);
            if (options.Bf16) _model.to(ScalarType.BFloat16);
            MatmulWeights = ModelFlops.MatmulWeights(_model, name => name is "transformer.wte.weight" or "transformer.wpe.weight");
            if (options.Lora)
                LoraModel.Apply(_model, new LoraAdapterConfig
                {
                    Settings = new LoraSettings { Rank = options.LoraRank, Alpha = options.LoraRank },
                    TargetModules = ["c_attn"], FanInFanOut = true,
                });
            _model.train();
            _optimizer = TrainingOptimizer.Create(_model.parameters().Where(p => p.requires_grad), new TrainerSettings { LearningRate = 1e-4 });
            _tokens = randint(0, options.Vocabulary, [options.Batch, options.Sequence], dtype: ScalarType.Int64, device: device);
        }

        public long MatmulWeights { get; }

        public void Step() => TrainingStep.Run(_model, _optimizer, _tokens, _tokens);

        public void Dispose()
        {
            _tokens.Dispose();
            _optimizer.Dispose();
            _model.Dispose();
        }
    }
}
