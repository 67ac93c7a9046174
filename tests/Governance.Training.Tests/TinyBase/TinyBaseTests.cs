using Governance.Core.Bias;
using Governance.Core.Demo;
using Governance.Training.Evaluation;
using Governance.Training.Generation;
using Governance.Training.Lora;
using Governance.Training.Models;
using Governance.Training.Objectives;
using Governance.Training.Tokenization;
using Governance.Training.Tokenization.Chat;
using Governance.Training.Tokenization.Loading;
using Governance.Training.TinyBase;
using Governance.Training.Trainer;
using TorchSharp;
using Xunit.Abstractions;

namespace Governance.Training.Tests.TinyBase;

public sealed class TinyBaseTests(TinyBaseFixture tiny, ITestOutputHelper output) : IClassFixture<TinyBaseFixture>
{
    private static readonly string[] ModelFiles =
        ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", TinyBaseModel.ReportFileName];

    [Fact]
    public void The_built_model_is_a_Hugging_Face_folder_that_the_loaders_read_back_and_it_has_learnt_its_corpus()
    {
        Assert.All(ModelFiles, file => Assert.True(File.Exists(Path.Combine(tiny.Folder, file)), $"{file} is missing"));
        using var model = CausalLmCheckpoint.Load(tiny.Folder);
        var pretrained = TokenizerFolder.Load(tiny.Folder);
        var tokenizer = pretrained.Tokenizer;
        const string text = "The gardener carried fresh bread near the harbour — naïve 東京 🙂\n";

        Assert.Equal(ModelArchitecture.Gpt2, ModelArchitecture.Of(model));
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.IsType<ChatMlTemplate>(ChatTemplates.For(pretrained));
        Assert.InRange(tiny.Report.FirstLoss, Math.Log(tokenizer.VocabSize) - 1, Math.Log(tokenizer.VocabSize) + 1);
        // Unseen paragraphs of the same kind of text: far better than the uniform guess over the vocabulary.
        var heldOut = GeneralCorpus.Paragraphs(seed: 99, paragraphs: 40)
            .SelectMany(p => LabelledSequence.TextWindows(tokenizer.Encode(p), TinyBaseFixture.Settings.Context)).ToList();
        var score = LanguageModelEvaluator.Evaluate(model, heldOut, batchSize: 8, maxPositions: TinyBaseFixture.Settings.Context);
        output.WriteLine($"vocab {tokenizer.VocabSize}, first loss {tiny.Report.FirstLoss:F2}, validation perplexity " +
                         $"{tiny.Report.ValidationPerplexity:F2}, unseen paragraphs perplexity {score.Perplexity:F2}");
        Assert.True(score.Perplexity < tokenizer.VocabSize / 50.0, $"perplexity {score.Perplexity:F1} on unseen text");
        Assert.True(tiny.Report.ValidationPerplexity < tokenizer.VocabSize / 50.0);
    }

    [Fact]
    public void Ensure_reuses_a_built_model_and_a_build_never_overwrites_or_leaves_a_half_built_folder()
    {
        var weights = Path.Combine(tiny.Folder, "model.safetensors");
        var written = File.GetLastWriteTimeUtc(weights);

        Assert.Equal(tiny.Folder, TinyBaseModel.Ensure(tiny.ModelsFolder, TinyBaseFixture.Settings));
        Assert.Equal(written, File.GetLastWriteTimeUtc(weights));
        var again = Assert.Throws<IOException>(() => TinyBaseModel.Build(tiny.Folder, TinyBaseFixture.Settings));
        Assert.Contains(tiny.Folder, again.Message);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var other = Path.Combine(tiny.ModelsFolder, "cancelled");
        Assert.Throws<OperationCanceledException>(() =>
            TinyBaseModel.Build(other, TinyBaseFixture.Settings with { Paragraphs = 200 }, cancellationToken: cancelled.Token));
        Assert.Equal([tiny.Folder], Directory.GetDirectories(tiny.ModelsFolder));
    }

    [Fact]
    public void A_short_LoRA_SFT_run_on_help_desk_tickets_lowers_held_out_perplexity_by_at_least_a_fifth()
    {
        using var model = CausalLmCheckpoint.Load(tiny.Folder);
        var tokenizer = TokenizerFolder.Load(tiny.Folder).Tokenizer;
        var context = TinyBaseFixture.Settings.Context;
        var train = HelpdeskCorpus.Examples(seed: 1, count: 300).Select(e => Encode(tokenizer, e)).ToList();
        var heldOut = HelpdeskCorpus.Examples(seed: 2, count: 48).Select(e => Encode(tokenizer, e))
            .Select(e => new LabelledSequence([.. e.InputIds.Select(id => (int)id)], [.. e.Labels.Select(id => (int)id)])).ToList();
        var general = GeneralCorpus.Paragraphs(seed: 98, paragraphs: 30)
            .SelectMany(p => LabelledSequence.TextWindows(tokenizer.Encode(p), context)).ToList();
        var before = LanguageModelEvaluator.Evaluate(model, heldOut, 8, context);
        var generalBefore = LanguageModelEvaluator.Evaluate(model, general, 8, context);

        LoraModel.Apply(model, LoraTargetModules.ConfigFor(model, new LoraSettings(), [], TinyBaseModel.FolderName));
        var result = new TrainingLoop<TokenExample>(model, new CausalLmObjective(tokenizer.Special.Pad ?? 0), new TrainerSettings
        {
            MaxSteps = 80, MicroBatchSize = 8, LearningRate = 5e-3, Schedule = ScheduleKind.Cosine, WarmupSteps = 5, Seed = 3,
        }).Run(train);
        var after = LanguageModelEvaluator.Evaluate(model, heldOut, 8, context);
        var generalAfter = LanguageModelEvaluator.Evaluate(model, general, 8, context);

        output.WriteLine($"held-out help-desk perplexity {before.Perplexity:F2} -> {after.Perplexity:F2} " +
                         $"({(after.Perplexity / before.Perplexity - 1) * 100:F1}%), token accuracy {before.TokenAccuracy:P1} -> " +
                         $"{after.TokenAccuracy:P1}; general text {generalBefore.Perplexity:F2} -> {generalAfter.Perplexity:F2}; " +
                         $"loss {result.Losses[0]:F3} -> {result.Losses[^1]:F3}");
        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.True(after.Perplexity <= 0.8 * before.Perplexity,
            $"held-out perplexity went from {before.Perplexity:F2} to {after.Perplexity:F2}, less than the 20% drop required");
    }

    [Fact]
    public void The_counterfactual_bias_probe_runs_on_the_trained_model_and_gives_the_same_figures_twice()
    {
        using var model = CausalLmCheckpoint.Load(tiny.Folder);
        var tokenizer = TokenizerFolder.Load(tiny.Folder).Tokenizer;
        var probed = new CausalLmProbedModel(model, new TextCodec(text => tokenizer.Encode(text), ids => tokenizer.Decode(ids)),
            TinyBaseFixture.Settings.Context, tokenizer.Special.Eos);
        ProbeExample[] examples =
        [
            new("My sister walked to the harbour", " to see a wooden boat."),
            new("The old captain said that he", " was proud of the boat."),
            new("My grandfather repaired the printer", " after lunch."),
            new("The gardener planted wild flowers", " in the park."), // no gendered term: skipped
        ];

        var first = BiasProbe.Run(BiasConfiguration.Default, examples, probed, maxTokens: 8);
        var second = BiasProbe.Run(BiasConfiguration.Default, examples, probed, maxTokens: 8);

        var gender = Assert.Single(first, axis => axis.Axis == "gender");
        output.WriteLine(string.Join("\n", first.Select(a => $"{a.Axis}: pairs {a.Pairs}, mean gap {a.MeanGap:F4}, flip rate {a.FlipRate:F2}")));
        Assert.Equal(3, gender.Pairs);
        Assert.True(double.IsFinite(gender.MeanGap) && gender.MeanAbsoluteGap > 0, $"mean |gap| {gender.MeanAbsoluteGap}");
        Assert.InRange(gender.FlipRate, 0, 1);
        Assert.Equal(first, second);
    }

    private static TokenExample Encode(ITextTokenizer tokenizer, HelpdeskExample example)
    {
        var encoded = SupervisedEncoder.EncodePromptCompletion(tokenizer, example.Prompt + "\n", example.Completion);
        return new TokenExample(encoded.InputIds, encoded.Labels);
    }
}
