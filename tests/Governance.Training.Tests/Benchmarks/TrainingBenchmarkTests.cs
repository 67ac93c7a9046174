using Governance.Training.Benchmarks;
using Governance.Training.Trainer;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Benchmarks;

public sealed class TrainingBenchmarkTests
{
    // d_model 32, 2 layers, vocabulary 64, sequence 16: per layer c_attn 32x96, c_proj 32x32, c_fc 32x128, mlp c_proj
    // 128x32 (12 * 32^2 = 12,288), plus the untied 64x32 head: N = 2 * 12,288 + 2,048 = 26,624. Attention adds
    // 12 * 2 * 32 * 16 = 12,288 per token.
    private static readonly TrainingBenchmarkOptions Tiny = new()
    {
        ModelWidth = 32, Layers = 2, Heads = 2, Vocabulary = 64, Sequence = 16, Batch = 2, Steps = 3, WarmupSteps = 1,
    };

    [Fact]
    public void Full_training_counts_6N_plus_attention_per_token_and_reports_a_positive_utilisation()
    {
        var result = TrainingBenchmark.Throughput(Tiny);

        Assert.Equal("full", result.Mode);
        Assert.Equal(26_624, result.MatmulWeights);
        Assert.Equal(6 * 26_624 + 12_288, result.FlopsPerToken);
        Assert.True(result.MedianStepMs > 0);
        Assert.Equal(32 / (result.MedianStepMs / 1000), result.TokensPerSecond, 1e-6);
        Assert.Equal(result.FlopsPerToken * result.TokensPerSecond / 1e9, result.AchievedGflops, 1e-9);
        Assert.InRange(result.Utilisation, 1e-6, 10);
    }

    [Fact]
    public void LoRA_counts_4N_plus_attention_and_leaves_the_adapters_out_of_N()
    {
        var result = TrainingBenchmark.Throughput(Tiny with { LoraRank = 4 });

        Assert.Equal("lora r=4", result.Mode);
        Assert.Equal(26_624, result.MatmulWeights);
        Assert.Equal(4 * 26_624 + 12_288, result.FlopsPerToken);
    }

    [Fact]
    public void Memory_is_sampled_every_n_steps_with_the_peak_inside_steps_at_least_the_resident_bytes()
    {
        var seen = new List<int>();

        var profile = TrainingBenchmark.Memory(Tiny, steps: 6, sampleEvery: 2, trimEvery: 3, progress: (step, _, _) => seen.Add(step));

        Assert.Equal([2, 4, 6], profile.Samples.Select(s => s.Step));
        Assert.Equal([2, 4, 6], seen);
        Assert.All(profile.Samples, s => Assert.True(s.PeakBytes >= s.Bytes && s.Bytes > 0, $"step {s.Step}: {s.Bytes} resident, peak {s.PeakBytes}"));
        Assert.Equal(profile.Samples[0].Bytes, profile.Baseline);
        Assert.Equal(profile.Samples.Max(s => s.PeakBytes), profile.HighestPeak);
    }

    [Fact]
    public void Resetting_the_peak_forgets_memory_that_was_resident_and_freed_before()
    {
        long before;
        using (var block = ones(64L * 1024 * 1024)) before = ResidentMemory.Peak(); // 256 MiB, touched
        NativeMemory.TrimFreedMemory();

        Assert.True(ResidentMemory.ResetPeak());

        var after = ResidentMemory.Peak();
        Assert.True(before - after > 200L * 1024 * 1024, $"peak {before / 1048576} MiB with the block, {after / 1048576} MiB after the reset");
    }
}
