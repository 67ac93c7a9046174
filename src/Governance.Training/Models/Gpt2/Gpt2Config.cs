using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Training.Models.Gpt2;

/// <summary>The GPT-2 settings of a Hugging Face <c>config.json</c>, with transformers' defaults for absent fields.</summary>
public sealed record Gpt2Config
{
    /// <summary>The file name of a model folder's configuration.</summary>
    public const string FileName = "config.json";

    public int VocabSize { get; init; } = 50257;
    public int ContextLength { get; init; } = 1024;
    public int EmbeddingSize { get; init; } = 768;
    public int LayerCount { get; init; } = 12;
    public int HeadCount { get; init; } = 12;
    public double LayerNormEpsilon { get; init; } = 1e-5;
    public bool TieWordEmbeddings { get; init; } = true;

    /// <summary>Dropout after the embeddings ("embd_pdrop"), applied only in training mode.</summary>
    public double EmbeddingDropout { get; init; } = 0.1;

    /// <summary>Dropout on attention weights ("attn_pdrop"), applied only in training mode.</summary>
    public double AttentionDropout { get; init; } = 0.1;

    /// <summary>Dropout on what each attention and MLP layer adds to the residual stream ("resid_pdrop").</summary>
    public double ResidualDropout { get; init; } = 0.1;

    /// <summary>Width of each block's MLP: "n_inner", or four times the embedding when null.</summary>
    public int? InnerSize { get; init; }

    /// <summary>The MLP width in use.</summary>
    public int MlpSize => InnerSize ?? 4 * EmbeddingSize;

    /// <summary>Reads <paramref name="path"/>; a config of another model type or with impossible sizes is refused.</summary>
    public static Gpt2Config Read(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                   ?? throw new InvalidDataException($"{Path.GetFileName(path)} is not a JSON object.");
        var modelType = (string?)json["model_type"];
        if (modelType is not null && modelType != "gpt2")
            throw new InvalidDataException($"{Path.GetFileName(path)} describes a '{modelType}' model, not gpt2.");
        var activation = (string?)json["activation_function"] ?? "gelu_new";
        if (activation is not ("gelu_new" or "gelu_pytorch_tanh"))
            throw new InvalidDataException($"{Path.GetFileName(path)}: activation_function '{activation}' is not supported; use gelu_new.");
        var defaults = new Gpt2Config();
        return new Gpt2Config
        {
            VocabSize = (int?)json["vocab_size"] ?? defaults.VocabSize,
            ContextLength = (int?)json["n_positions"] ?? defaults.ContextLength,
            EmbeddingSize = (int?)json["n_embd"] ?? defaults.EmbeddingSize,
            LayerCount = (int?)json["n_layer"] ?? defaults.LayerCount,
            HeadCount = (int?)json["n_head"] ?? defaults.HeadCount,
            LayerNormEpsilon = (double?)json["layer_norm_epsilon"] ?? defaults.LayerNormEpsilon,
            TieWordEmbeddings = (bool?)json["tie_word_embeddings"] ?? defaults.TieWordEmbeddings,
            InnerSize = (int?)json["n_inner"],
            EmbeddingDropout = (double?)json["embd_pdrop"] ?? defaults.EmbeddingDropout,
            AttentionDropout = (double?)json["attn_pdrop"] ?? defaults.AttentionDropout,
            ResidualDropout = (double?)json["resid_pdrop"] ?? defaults.ResidualDropout,
        }.Validated(path);
    }

    /// <summary>Writes the config as transformers writes a GPT2LMHeadModel's.</summary>
    public void Write(string path)
    {
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray("GPT2LMHeadModel"),
            ["model_type"] = "gpt2",
            ["activation_function"] = "gelu_new",
            ["vocab_size"] = VocabSize,
            ["n_positions"] = ContextLength,
            ["n_embd"] = EmbeddingSize,
            ["n_layer"] = LayerCount,
            ["n_head"] = HeadCount,
            ["n_inner"] = InnerSize,
            ["layer_norm_epsilon"] = LayerNormEpsilon,
            ["tie_word_embeddings"] = TieWordEmbeddings,
            ["embd_pdrop"] = EmbeddingDropout,
            ["attn_pdrop"] = AttentionDropout,
            ["resid_pdrop"] = ResidualDropout,
        };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private Gpt2Config Validated(string path)
    {
        int[] sizes = [VocabSize, ContextLength, EmbeddingSize, LayerCount, HeadCount, MlpSize];
        if (sizes.Any(size => size <= 0))
            throw new InvalidDataException($"{Path.GetFileName(path)}: vocab_size, n_positions, n_embd, n_layer, n_head and n_inner must be positive.");
        double[] dropouts = [EmbeddingDropout, AttentionDropout, ResidualDropout];
        if (dropouts.Any(p => p is < 0 or >= 1))
            throw new InvalidDataException($"{Path.GetFileName(path)}: embd_pdrop, attn_pdrop and resid_pdrop must lie in [0, 1).");
        if (EmbeddingSize % HeadCount != 0)
            throw new InvalidDataException($"{Path.GetFileName(path)}: n_embd {EmbeddingSize} is not divisible by n_head {HeadCount}.");
        return this;
    }
}
