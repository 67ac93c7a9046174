using System.Text.Json;
using Governance.Core.Bias;

namespace Governance.Cli.Tests;

public sealed class BiasCommandTests : IDisposable
{
    private const string Configuration = """
        {"axes":[{"name":"gender","groups":[{"name":"female","terms":["she"]},{"name":"male","terms":["he"]}]}],
         "negativeTerms":["lazy"],"label":{"field":"label","favourableValues":["approve"]},"thresholds":{"minimumRecords":2}}
        """;

    private readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Audit_prints_the_findings_with_the_configuration_hash_and_prints_them_alike_every_time()
    {
        // Male: 2 records, both approved (1.0); female: 2, one approved (0.5): disparate impact 0.5, parity difference -0.5.
        var records = _sandbox.Write("records.jsonl", """
            {"text":"he is lazy","label":"approve"}
            {"text":"he helps","label":"approve"}
            {"text":"she helps","label":"approve"}

            {"text":"she asks","label":"reject"}
            """);
        var config = _sandbox.Write("bias.json", Configuration);

        var first = await CliSandbox.RunAsync("bias", "audit", "--input", records, "--config", config);
        var second = await CliSandbox.RunAsync("bias", "audit", "--input", records, "--config", config);

        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.Equal(first.Output, second.Output);
        using var json = JsonDocument.Parse(first.Output);
        Assert.Equal(BiasConfigurationJson.Hash(BiasConfigurationJson.Parse(Configuration)), json.RootElement.GetProperty("configurationHash").GetString());
        var female = json.RootElement.GetProperty("axes")[0].GetProperty("baseRates").GetProperty("groups")[0];
        Assert.Equal(("female", 0.5, -0.5, "fail"), (female.GetProperty("group").GetString(), female.GetProperty("disparateImpact").GetDouble(),
            female.GetProperty("statisticalParityDifference").GetDouble(), female.GetProperty("verdict").GetString()));
        Assert.Equal("fail", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Default_config_prints_a_configuration_the_audit_accepts_back()
    {
        var printed = await CliSandbox.RunAsync("bias", "default-config");
        var config = _sandbox.Write("default.json", printed.Output);
        var records = _sandbox.Write("records.jsonl", "{\"prompt\":\"Is he kind?\",\"chosen\":\"He is.\",\"rejected\":\"No.\"}\n");

        var audit = await CliSandbox.RunAsync("bias", "audit", "--input", records, "--config", config);

        Assert.Equal(0, printed.Exit);
        Assert.Equal(7, BiasConfigurationJson.Parse(printed.Output).Axes.Count);
        Assert.Equal(0, audit.Exit);
        using var json = JsonDocument.Parse(audit.Output);
        Assert.Equal((1, 7), (json.RootElement.GetProperty("preferenceRecords").GetInt32(), json.RootElement.GetProperty("axes").GetArrayLength()));
    }

    [Fact]
    public async Task Bad_lines_and_bad_configurations_are_named_by_file_line_and_field()
    {
        var records = _sandbox.Write("records.jsonl", "{\"text\":\"he\"}\n{\"text\":\n");
        var good = _sandbox.Write("good.jsonl", "{\"text\":\"he\"}\n");
        var config = _sandbox.Write("bias.json", Configuration.Replace("[\"she\"]", "[]"));

        var badLine = await CliSandbox.RunAsync("bias", "audit", "--input", records);
        var badConfig = await CliSandbox.RunAsync("bias", "audit", "--input", good, "--config", config);
        var missing = await CliSandbox.RunAsync("bias", "audit", "--input", _sandbox.PathOf("none.jsonl"));

        Assert.Equal((1, ""), (badLine.Exit, badLine.Output));
        Assert.StartsWith($"{records}:2: malformed JSON", badLine.Error);
        Assert.Equal((1, $"{config}: axes[0].groups[0].terms: empty; list the words that mention this group"), (badConfig.Exit, badConfig.Error.Trim()));
        Assert.Equal(2, missing.Exit);
    }

    public void Dispose() => _sandbox.Dispose();
}
