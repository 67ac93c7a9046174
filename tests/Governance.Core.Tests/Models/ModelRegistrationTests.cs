using Governance.Core.Models;
using Governance.Core.Validation;

namespace Governance.Core.Tests.Models;

public sealed class ModelRegistrationTests
{
    private static readonly Guid Release = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private static readonly ModelRegistration Valid = new(" support-bot ", "tiny-gpt", new string('B', 64), "lora", "{\"rank\": 8}",
        [new TrainedOnRelease(Release, new string('C', 64))], new string('D', 64), new ModelEvaluation(10, 6));

    [Fact]
    public void A_valid_registration_is_trimmed_and_its_hashes_lower_cased()
    {
        var valid = Valid.Validated();

        Assert.Equal("support-bot", valid.Name);
        Assert.Equal(ModelMethod.Lora, valid.ParsedMethod);
        Assert.Equal(new string('b', 64), valid.BaseModelSha256);
        Assert.Equal(new string('c', 64), valid.TrainedOn![0].ContentHash);
        Assert.Equal(new string('d', 64), valid.ArtifactSha256);
    }

    public static TheoryData<string, ModelRegistration> Malformed() => new()
    {
        { "name", Valid with { Name = " " } },
        { "name", Valid with { Name = "support bot/1" } },
        { "baseModel", Valid with { BaseModel = null } },
        { "baseModelSha256", Valid with { BaseModelSha256 = "abc" } },
        { "method", Valid with { Method = "RLHF" } },
        { "method", Valid with { Method = "2" } },
        { "hyperParameters", Valid with { HyperParametersJson = "[1, 2]" } },
        { "hyperParameters", Valid with { HyperParametersJson = "{rank: 8" } },
        { "trainedOn", Valid with { TrainedOn = [] } },
        { "trainedOn", Valid with { TrainedOn = [new(Release, null), new(Release, null)] } },
        { "trainedOn[0].contentHash", Valid with { TrainedOn = [new(Release, "not-a-hash")] } },
        { "artifactSha256", Valid with { ArtifactSha256 = new string('z', 64) } },
        { "evaluation.tunedPerplexity", Valid with { Evaluation = new ModelEvaluation(10, 0) } },
        { "evaluation.metrics", Valid with { Evaluation = new ModelEvaluation(10, 6, new Dictionary<string, double> { ["bleu"] = double.NaN }) } },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_registration_is_refused_naming_the_field(string field, ModelRegistration registration)
    {
        Assert.Equal(field, Assert.Throws<ValidationError>(registration.Validated).Field);
    }
}
