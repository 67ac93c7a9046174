namespace Governance.Training.TinyBase;

/// <summary>
/// Sizes of the built-in tiny base model and of its pre-training run. The defaults build in a few minutes on two CPU
/// cores; tests use smaller ones.
/// </summary>
public sealed record TinyBaseSettings
{
    /// <summary>Byte-level BPE vocabulary, special tokens included.</summary>
    public int VocabSize { get; init; } = 4096;

    /// <summary>d_model.</summary>
    public int ModelWidth { get; init; } = 128;

    /// <summary>Transformer blocks.</summary>
    public int Layers { get; init; } = 4;

    /// <summary>Attention heads.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Context length in tokens, also the pre-training block size.</summary>
    public int Context { get; init; } = 128;

    /// <summary>Paragraphs of <see cref="Core.Demo.GeneralCorpus"/> to pre-train on.</summary>
    public int Paragraphs { get; init; } = 6000;

    /// <summary>Optimiser steps of pre-training.</summary>
    public int Steps { get; init; } = 600;

    /// <summary>Blocks per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Peak learning rate (cosine decay after 5% warm-up).</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Seed of the corpus, the weights and the data order: the same settings build the same model.</summary>
    public int Seed { get; init; } = 7;
}
