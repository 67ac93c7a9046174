using Governance.Core.Bias;
using Governance.Core.Validation;
using static Governance.Core.Tests.Bias.BiasTestData;

namespace Governance.Core.Tests.Bias;

public sealed class BiasConfigurationTests
{
    private const string Compact = """{"axes":[{"name":"gender","groups":[{"name":"female","terms":["she","woman"]},{"name":"male","terms":["he","man"]}]}],"negativeTerms":["lazy"]}""";

    private const string Spaced = """
        {
          "negativeTerms": [ "lazy" ],
          "axes": [ { "groups": [ { "terms": [ "woman", "she" ], "name": "female" },
                                  { "name": "male", "terms": [ "he", "man" ] } ],
                      "name": "gender" } ]
        }
        """;

    [Fact]
    public void The_hash_ignores_white_space_field_order_and_term_order_but_changes_with_a_term()
    {
        var hash = BiasConfigurationJson.Hash(BiasConfigurationJson.Parse(Compact));

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, BiasConfigurationJson.Hash(BiasConfigurationJson.Parse(Spaced)));
        Assert.NotEqual(hash, BiasConfigurationJson.Hash(BiasConfigurationJson.Parse(Compact.Replace("\"man\"", "\"men\""))));
        Assert.NotEqual(hash, BiasConfigurationJson.Hash(BiasConfigurationJson.Parse(Compact.Replace("\"lazy\"", "\"lazy\",\"cruel\""))));
    }

    [Fact]
    public void The_default_configuration_is_valid_covers_the_seven_axes_and_survives_a_round_trip_through_json()
    {
        var json = BiasConfigurationJson.Serialize(BiasConfiguration.Default);
        var parsed = BiasConfigurationJson.Parse(json);

        Assert.Empty(BiasConfigurationValidator.Validate(BiasConfiguration.Default));
        Assert.Equal(["age", "disability", "gender", "nationality", "race-ethnicity", "religion", "sexual-orientation"],
            BiasConfiguration.Default.Axes.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(BiasConfigurationJson.Hash(BiasConfiguration.Default), BiasConfigurationJson.Hash(parsed));
        Assert.Equal((0.8, 0.9, 30), (parsed.Thresholds.Fail, parsed.Thresholds.Warn, parsed.Thresholds.MinimumRecords));
        Assert.Contains("\"negativeTerms\": [", json);
    }

    [Fact]
    public void Validation_names_the_field_to_fix()
    {
        var gender = Gender().Axes[0];
        var broken = Gender() with
        {
            Axes =
            [
                gender,
                gender with { Name = "age", Groups = [Group("young", "young people"), Group("older")], PrivilegedGroup = "middle" },
                gender with { Name = "gender", Groups = [Group("a", "he"), Group("b", "He", "...")] },
            ],
            Label = new BiasLabel { Field = "label" },
            Thresholds = new BiasThresholds { Fail = 0.9, Warn = 0.8 },
        };

        var errors = BiasConfigurationValidator.Validate(broken).Select(e => $"{e.Field}: {e.Message}").ToList();

        Assert.Contains("axes[1].groups[1].terms: empty; list the words that mention this group", errors);
        Assert.Contains("axes[1].privilegedGroup: 'middle' is not a group of this axis", errors);
        Assert.Contains("axes[2].groups[1].terms[0]: 'He' is also a term of group 'a'", errors);
        Assert.Contains("axes[2].groups[1].terms[1]: has no letters or digits, so it can never match", errors);
        Assert.Contains("axes[2].name: another axis has this name", errors);
        Assert.Contains("label.favourableValues: empty; list the label values that count as favourable", errors);
        Assert.Contains("thresholds.warn: must be at most 1 and not below thresholds.fail, e.g. 0.9", errors);
        var thrown = Assert.Throws<ValidationError>(() => new BiasAuditBuilder(broken));
        Assert.Equal("axes[1].groups[1].terms", thrown.Field);
        Assert.EndsWith("(and 6 more problem(s))", thrown.Message);
    }

    [Theory]
    [InlineData("""{"axes":[{"name":"g","groups":[{"name":"a","termz":["x"]}]}]}""", "axes[0].groups[0].termz", "unknown field; check its spelling")]
    [InlineData("""{"axes":[{"name":"g","groups":[{"name":"a","terms":null}]}]}""", "axes[0].groups[0].terms", "must not be null")]
    [InlineData("""{"axes":[{"name":"g","groups":[{"name":"a","terms":"x"}]}]}""", "axes[0].groups[0].terms", "has the wrong type")]
    [InlineData("""{"axes":[{"name":"g","groups":[{"name":"a","terms":["x"]}]}]}""", "axes[0].groups", "an axis needs at least two groups to compare")]
    [InlineData("""{"axes": [""", "axes[0]", "malformed JSON")]
    public void Parsing_names_the_field_of_a_json_mistake(string json, string field, string reason)
    {
        var error = Assert.Throws<ValidationError>(() => BiasConfigurationJson.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(reason, error.Message);
    }
}
