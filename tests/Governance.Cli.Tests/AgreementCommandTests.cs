using System.Text.Json;

namespace Governance.Cli.Tests;

public sealed class AgreementCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();
    /// <summary>Krippendorff's (2011) example as item,annotator,label lines, the missing answers left out.</summary>
    private string Krippendorff2011()
    {
        string[] observers = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."];
        var lines = observers.SelectMany((row, o) => row.Split(' ').Select((v, u) => (v, u)).Where(x => x.v != ".")
            .Select(x => $"unit{x.u + 1},observer{(char)('A' + o)},{x.v}"));
        var path = _sandbox.PathOf("answers.csv");
        File.WriteAllLines(path, ["item,annotator,label", .. lines]);
        return path;
    }

    [Fact]
    public async Task Agreement_prints_one_json_object_with_the_metric_level_value_and_counts()
    {
        var file = Krippendorff2011();

        var interval = await CliSandbox.RunAsync("agreement", "--input", file, "--metric", "krippendorff", "--level", "interval");
        var nominal = await CliSandbox.RunAsync("agreement", "--input", file, "--metric", "krippendorff");

        Assert.Equal(0, interval.Exit);
        using var json = JsonDocument.Parse(interval.Output);
        Assert.Equal(("krippendorff", "interval", 12, 4), (json.RootElement.GetProperty("metric").GetString(), json.RootElement.GetProperty("level").GetString(),
            json.RootElement.GetProperty("items").GetInt32(), json.RootElement.GetProperty("annotators").GetInt32()));
        Assert.Equal(0.849, Math.Round(json.RootElement.GetProperty("value").GetDouble(), 3));
        Assert.StartsWith("{\"metric\":\"krippendorff\",\"level\":\"nominal\",\"value\":0.743", nominal.Output);
    }

    [Fact]
    public async Task Wrong_metrics_levels_and_inputs_are_named()
    {
        var file = Krippendorff2011();

        var metric = await CliSandbox.RunAsync("agreement", "--input", file, "--metric", "scott");
        var level = await CliSandbox.RunAsync("agreement", "--input", file, "--metric", "krippendorff", "--level", "cardinal");
        var cohen = await CliSandbox.RunAsync("agreement", "--input", file, "--metric", "cohen");
        var missing = await CliSandbox.RunAsync("agreement", "--input", _sandbox.PathOf("none.csv"), "--metric", "fleiss");

        Assert.Equal((2, "--metric: 'scott' is not one of cohen, fleiss, krippendorff, percent."), (metric.Exit, metric.Error.Trim()));
        Assert.Equal(2, level.Exit);
        Assert.Contains("'cardinal'", level.Error);
        Assert.Equal(1, cohen.Exit);
        Assert.StartsWith("annotator: Cohen's kappa compares exactly two annotators; the input has 4", cohen.Error);
        Assert.Equal(2, missing.Exit);
    }

    public void Dispose() => _sandbox.Dispose();
}
