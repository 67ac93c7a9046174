using Governance.Training.TinyBase;

namespace Governance.Training.Tests.TinyBase;

/// <summary>One tiny base model built for the whole test class: smaller than the product's default, same recipe.</summary>
public sealed class TinyBaseFixture : IDisposable
{
    public static readonly TinyBaseSettings Settings = new()
    {
        VocabSize = 1024, ModelWidth = 64, Layers = 2, Heads = 4, Context = 384, Paragraphs = 2500, Steps = 160, BatchSize = 8,
        LearningRate = 5e-3, Seed = 11,
    };

    private readonly TempFolder _models = new();

    public TinyBaseFixture() => Report = TinyBaseModel.Build(Path.Combine(_models.Path, TinyBaseModel.FolderName), Settings);

    public TinyBaseReport Report { get; }

    public string Folder => Report.Folder;

    public string ModelsFolder => _models.Path;

    public void Dispose() => _models.Dispose();
}
