using System.Text.Json;
using Governance.Core.Demo;
using Governance.Training.Models;
using Governance.Training.Models.Gpt2;
using Governance.Training.Objectives;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Chat;
using Governance.Training.Tokenization.Loading;
using Governance.Training.Tokenization.Training;
using Governance.Training.Trainer;
using static TorchSharp.torch;

namespace Governance.Training.TinyBase;

/// <summary>What building the tiny base model did.</summary>
/// <param name="Folder">The model folder, in the Hugging Face layout.</param>
/// <param name="Steps">Pre-training steps taken.</param>
/// <param name="TrainBlocks">Training blocks of <see cref="TinyBaseSettings.Context"/> tokens.</param>
/// <param name="FirstLoss">The first step's loss.</param>
/// <param name="ValidationPerplexity">Perplexity on held-out blocks of the corpus after training.</param>
public sealed record TinyBaseReport(string Folder, long Steps, int TrainBlocks, double FirstLoss, double ValidationPerplexity);

/// <summary>
/// The built-in base model: a small GPT-2 that the product pre-trains itself (causal LM on raw text, the DAPT
/// objective) over <see cref="Corpus"/> (general text and help-desk knowledge-base prose), with a byte-level BPE tokenizer trained on the same corpus, saved as a
/// Hugging Face model folder (config.json, model.safetensors, tokenizer.json, tokenizer_config.json). Nothing is
/// downloaded. The tokenizer carries ChatML turn tokens, so chat data can be fine-tuned on it.
/// </summary>
public static class TinyBaseModel
{
    /// <summary>The folder name under the models folder.</summary>
    public const string FolderName = "tiny-base";

    /// <summary>The end-of-text token, also the padding and document separator.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>The file that records how the model was built.</summary>
    public const string ReportFileName = "tiny_base_report.json";

    /// <summary>
    /// The tiny base model's folder under <paramref name="modelsFolder"/>, built first when absent. A half-built folder
    /// never appears: the model is written to a temporary folder and renamed when complete.
    /// </summary>
    public static string Ensure(string modelsFolder, TinyBaseSettings? settings = null, Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(modelsFolder, FolderName);
        return File.Exists(Path.Combine(folder, ReportFileName)) ? folder : Build(folder, settings ?? new(), progress, cancellationToken).Folder;
    }

    /// <summary>Trains the tokenizer and the model and writes them to <paramref name="folder"/> (replacing nothing: it must not exist).</summary>
    public static TinyBaseReport Build(string folder, TinyBaseSettings settings, Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(folder)) throw new IOException($"{folder} already exists; remove it to build the tiny base model again.");
        var staging = $"{folder}.building-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var corpus = Corpus(settings);
            var tokenizer = TrainTokenizer(corpus, settings, staging);
            var endOfText = tokenizer.Special.Eos ?? throw new InvalidOperationException($"The trained tokenizer lacks {EndOfText}.");
            var blocks = TokenPacking.Pack(corpus.Select(p => tokenizer.Encode(p).Select(id => (long)id).ToArray()), settings.Context, endOfText);
            var validationCount = Math.Max(1, blocks.Count / 20);
            var (train, validation) = (blocks.Take(blocks.Count - validationCount).ToList(), blocks.Skip(blocks.Count - validationCount).ToList());

            manual_seed(settings.Seed);
            using var model = new Gpt2LmHeadModel(Config(settings, tokenizer.VocabSize));
            var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(endOfText), new TrainerSettings
            {
                MaxSteps = settings.Steps, MicroBatchSize = settings.BatchSize, LearningRate = settings.LearningRate,
                Schedule = ScheduleKind.Cosine, WarmupSteps = Math.Max(1, settings.Steps / 20), WeightDecay = 0.01,
                MaxGradNorm = 1.0, Seed = settings.Seed,
            }).Run(train, progress: progress, cancellationToken: cancellationToken);
            if (result.Outcome == TrainingOutcome.Cancelled) throw new OperationCanceledException("Building the tiny base model was cancelled.");

            var perplexity = Math.Exp(ValidationLoss.Compute(model, new CausalLmObjective(endOfText), validation, settings.BatchSize, CPU));
            CausalLmCheckpoint.Save(model, staging);
            var report = new TinyBaseReport(folder, result.Steps, train.Count, result.Losses[0], perplexity);
            File.WriteAllText(Path.Combine(staging, ReportFileName), JsonSerializer.Serialize(new { settings, report.Steps, report.TrainBlocks,
                report.FirstLoss, report.ValidationPerplexity }, new JsonSerializerOptions { WriteIndented = true }));
            Directory.Move(staging, folder);
            return report;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// The pre-training text: general paragraphs, and help-desk knowledge-base prose for one paragraph in five (the
    /// domain adaptation; the ticket format itself is left for fine-tuning), interleaved in a fixed order.
    /// </summary>
    public static IReadOnlyList<string> Corpus(TinyBaseSettings settings)
    {
        var articles = HelpdeskCorpus.Articles(settings.Seed + 1, settings.Paragraphs / 4).GetEnumerator();
        var corpus = new List<string>();
        foreach (var (paragraph, index) in GeneralCorpus.Paragraphs(settings.Seed, settings.Paragraphs).Select((p, i) => (p, i)))
        {
            corpus.Add(paragraph);
            if (index % 4 == 3 && articles.MoveNext()) corpus.Add(articles.Current);
        }
        return corpus;
    }

    /// <summary>The GPT-2 sizes of the tiny base: tied head, dropout off (the corpus is small and training short).</summary>
    public static Gpt2Config Config(TinyBaseSettings settings, int vocabSize) => new()
    {
        VocabSize = vocabSize, ContextLength = settings.Context, EmbeddingSize = settings.ModelWidth, LayerCount = settings.Layers,
        HeadCount = settings.Heads, TieWordEmbeddings = true, EmbeddingDropout = 0, AttentionDropout = 0, ResidualDropout = 0,
    };

    private static ITextTokenizer TrainTokenizer(IReadOnlyList<string> corpus, TinyBaseSettings settings, string folder)
    {
        var chat = new ChatMlTemplate();
        var trained = BpeTrainer.Train(corpus, new BpeTrainerSettings(settings.VocabSize, [EndOfText, "<|im_start|>", "<|im_end|>"]));
        trained.Save(folder, new TokenizerConfigSettings(Bos: null, Eos: EndOfText, Pad: EndOfText, ChatTemplate: chat.Jinja, ModelMaxLength: settings.Context));
        return TokenizerFolder.Load(folder).Tokenizer;
    }
}
