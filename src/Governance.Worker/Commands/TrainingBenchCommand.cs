using System.Globalization;
using Governance.Training.Benchmarks;
using Governance.Training.Devices;
using Governance.Training.Trainer;

namespace Governance.Worker.Commands;

/// <summary>
/// <c>Governance.Worker bench training</c>: tokens/s, ms/step and model FLOP utilisation of full and LoRA training, and
/// optionally resident memory over a long run. Options: --d-model --layers --heads --vocab --seq --batch --steps
/// --warmup --mode full|lora|both --lora-rank --device cpu|cuda --bf16 --memory-steps N --sample-every N --trim-every N (malloc_trim every N steps).
/// </summary>
public static class TrainingBenchCommand
{
    private static readonly string[] Flags = ["--bf16"];

    /// <summary>Runs the benchmark described by <paramref name="args"/> (after "bench training"); returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        CommandOptions values;
        TrainingBenchmarkOptions options;
        int rank, memorySteps, sampleEvery, trimEvery;
        try
        {
            values = new CommandOptions(args, Flags);
            options = new TrainingBenchmarkOptions
            {
                ModelWidth = values.Int("--d-model", 512), Layers = values.Int("--layers", 4), Heads = values.Int("--heads", 8),
                Vocabulary = values.Int("--vocab", 8192), Sequence = values.Int("--seq", 256), Batch = values.Int("--batch", 8),
                Steps = values.Int("--steps", 10), WarmupSteps = values.Int("--warmup", 2),
                Device = values.Text("--device", "cpu"), Bf16 = values.Has("--bf16"),
            }.Validated();
            rank = values.Int("--lora-rank", 8);
            memorySteps = values.Int("--memory-steps", 0);
            trimEvery = values.Int("--trim-every", 0);
            sampleEvery = Math.Max(1, values.Int("--sample-every", 50));
            if (memorySteps > 0 && memorySteps < 2 * sampleEvery)
                throw new ArgumentException("--memory-steps must be at least twice --sample-every: the first sample is the baseline the later ones are held to");
            if (values.Text("--mode", "both") is not ("full" or "lora" or "both"))
                throw new ArgumentException("--mode must be full, lora or both");
        }
        catch (ArgumentException error)
        {
            output.WriteLine($"bench training: {error.Message}");
            return 2;
        }

        output.WriteLine($"device: {DeviceProbe.Detect()}; libtorch threads: {TorchSharp.torch.get_num_threads()}");
        output.WriteLine($"model: GPT d_model={options.ModelWidth} layers={options.Layers} heads={options.Heads} vocab={options.Vocabulary} " +
                         $"untied head; batch {options.Batch} x seq {options.Sequence}; {options.WarmupSteps} warm-up + {options.Steps} timed steps" +
                         (options.Bf16 ? "; bf16 base weights" : "; fp32"));
        var mode = values.Text("--mode", "both");
        if (mode is "full" or "both") Print(output, TrainingBenchmark.Throughput(options));
        if (mode is "lora" or "both") Print(output, TrainingBenchmark.Throughput(options with { LoraRank = rank }));

        if (memorySteps > 0)
        {
            var memoryOptions = mode == "lora" ? options with { LoraRank = rank } : options;
            var profile = TrainingBenchmark.Memory(memoryOptions, memorySteps, sampleEvery, trimEvery,
                (step, bytes, peak) => output.WriteLine($"  step {step,5}: resident {Mib(bytes)} MiB, peak since the warm-up {Mib(peak)} MiB"));
            output.WriteLine($"memory over {memorySteps} steps ({(memoryOptions.Lora ? "lora" : "full")}): resident baseline {Mib(profile.Baseline)} MiB " +
                             $"after step {profile.Samples[0].Step}, highest {Mib(profile.HighestSample)} MiB, final {Mib(profile.Samples[^1].Bytes)} MiB, " +
                             $"growth {(profile.Growth - 1) * 100:0.0}%; peak inside steps {Mib(profile.FirstPeak)} MiB over the first " +
                             $"{profile.Samples[0].Step} steps, {Mib(profile.HighestPeak)} MiB over all, growth {(profile.PeakGrowth - 1) * 100:0.0}% " +
                             (profile.Flat ? "(flat within 10%)" : "(NOT flat within 10%)"));
        }
        return 0;
    }

    private static void Print(TextWriter output, TrainingThroughput result) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Mode,-9} N={result.MatmulWeights:N0} flops/token={result.FlopsPerToken / 1e6:0.0}M  ms/step={result.MedianStepMs:0.0}  " +
        $"tokens/s={result.TokensPerSecond:0}  achieved={result.AchievedGflops:0.0} GFLOP/s  fp32 matmul={result.MatmulGflops:0.0} GFLOP/s  " +
        $"MFU={result.Utilisation * 100:0.0}%"));

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);
}
