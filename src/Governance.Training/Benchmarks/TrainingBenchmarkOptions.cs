namespace Governance.Training.Benchmarks;

/// <summary>The model and run sizes of a training benchmark; the defaults are the reference GPT on a CPU.</summary>
public sealed record TrainingBenchmarkOptions
{
    /// <summary>d_model.</summary>
    public int ModelWidth { get; init; } = 512;

    /// <summary>Transformer blocks.</summary>
    public int Layers { get; init; } = 4;

    /// <summary>Attention heads per block.</summary>
    public int Heads { get; init; } = 8;

    /// <summary>Vocabulary size; the head is untied so that it counts in N.</summary>
    public int Vocabulary { get; init; } = 8192;

    /// <summary>Tokens per sequence (T).</summary>
    public int Sequence { get; init; } = 256;

    /// <summary>Sequences per step.</summary>
    public int Batch { get; init; } = 8;

    /// <summary>Timed steps; the median is reported.</summary>
    public int Steps { get; init; } = 10;

    /// <summary>Untimed steps first, so allocation and kernel selection settle.</summary>
    public int WarmupSteps { get; init; } = 2;

    /// <summary>LoRA rank on c_attn (0: full fine-tuning).</summary>
    public int LoraRank { get; init; }

    /// <summary>"cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Base weights in bf16 (CUDA only); adapters and the reference product stay fp32.</summary>
    public bool Bf16 { get; init; }

    /// <summary>Whether the run trains LoRA adapters rather than every weight.</summary>
    public bool Lora => LoraRank > 0;

    /// <summary>Refuses sizes that cannot run, naming the option.</summary>
    public TrainingBenchmarkOptions Validated()
    {
        Require(ModelWidth > 0 && Heads > 0 && Vocabulary > 1 && Layers > 0 && Sequence > 1 && Batch > 0 && Steps > 0 && WarmupSteps >= 0,
            "--d-model, --heads, --vocab, --layers, --seq, --batch and --steps must be positive");
        Require(ModelWidth % Heads == 0, "--d-model must be a multiple of --heads");
        Require(Device is "cpu" or "cuda", "--device must be cpu or cuda");
        Require(!Bf16 || Device == "cuda", "--bf16 needs --device cuda");
        return this;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
