using Governance.Training.Lora;
using Governance.Training.Tests.Models;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Lora;

public sealed class DisabledAdaptersTests
{
    [Fact]
    public void With_adapters_disabled_the_model_computes_as_its_base_and_afterwards_as_adapted_again()
    {
        using var scope = NewDisposeScope();
        using var model = LoraTestModels.WithTrainedAdapters();
        using var plain = TinyGpt2.Create();
        var tokens = TinyGpt2.Tokens(seed: 6);
        var adapted = model.call(tokens);
        var names = model.named_parameters().Select(p => p.name).ToList();

        using (var disabled = LoraModel.DisableAdapters(model))
        {
            Assert.Equal(2, disabled.Count);
            TensorAssert.BitEqual(plain.call(tokens), model.call(tokens));
        }

        TensorAssert.BitEqual(adapted, model.call(tokens));
        Assert.Equal(names, model.named_parameters().Select(p => p.name));
    }
}
