using System.Text.Json;
using Governance.Core.Bias;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using static Governance.Core.Tests.Bias.BiasTestData;

namespace Governance.Core.Tests.Bias;

public sealed class BiasAuditBuilderTests
{
    [Fact]
    public void The_same_records_and_configuration_give_identical_findings_whatever_order_the_configuration_is_written_in()
    {
        var configuration = BiasConfiguration.Default with { Label = Approve, Thresholds = new BiasThresholds { MinimumRecords = 2 } };
        var reversed = configuration with
        {
            Axes = [.. configuration.Axes.Reverse().Select(a => a with { Groups = [.. a.Groups.Reverse()] })],
            NegativeTerms = [.. configuration.NegativeTerms.Reverse()],
        };

        var first = BiasJson.Serialize(RunAudit(configuration, Twelve));
        var again = BiasJson.Serialize(RunAudit(reversed, Twelve));

        Assert.Equal(first, again);
        Assert.Equal(BiasConfigurationJson.Hash(configuration), RunAudit(configuration, Twelve).ConfigurationHash);
    }

    [Fact]
    public void A_result_reads_back_from_its_json_with_verdicts_as_words()
    {
        var result = RunAudit(Gender(label: Approve), Twelve);

        var json = BiasJson.Serialize(result, indented: false);
        var back = BiasJson.ParseResult(json);

        Assert.Contains("\"verdict\":\"fail\"", json);
        Assert.Equal(json, BiasJson.Serialize(back, indented: false));
    }

    [Fact]
    public void Dataset_records_map_to_their_texts_preference_responses_and_labels_from_the_configured_field()
    {
        DatasetRecord Parse(string json) => RecordParser.Parse(JsonDocument.Parse(json).RootElement, out _)!;
        var chat = Parse("""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}],"outcome":"approve"}""");
        var pair = Parse("""{"prompt":"p","chosen":"c","rejected":"r"}""");
        var classified = Parse("""{"text":"t","labels":["a","b"]}""");

        var fromMetadata = BiasRecord.From(chat, new BiasLabel { Field = "outcome", FavourableValues = ["approve"] });
        var preference = BiasRecord.From(pair);
        var labelled = BiasRecord.From(classified, Approve);

        Assert.Equal(["hi", "hello"], fromMetadata.Texts);
        Assert.Equal(["approve"], fromMetadata.Labels);
        Assert.Equal(["p"], preference.Texts);
        Assert.Equal(("c", "r", (IReadOnlyList<string>?)null), (preference.Chosen, preference.Rejected, preference.Labels));
        Assert.Equal(["a", "b"], labelled.Labels);
    }
}
