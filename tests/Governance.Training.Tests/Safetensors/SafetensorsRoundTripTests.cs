using Governance.Training.Safetensors;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Safetensors;

public sealed class SafetensorsRoundTripTests
{
    [Fact]
    public void Tensors_of_every_float_type_round_trip_bit_exactly_with_metadata()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        manual_seed(7);
        var special = tensor(new[] { float.NaN, -0f, float.PositiveInfinity, float.Epsilon });
        var original = new Dictionary<string, SafetensorsTensor>
        {
            ["a.f32"] = cat([randn(5), special]).reshape(3, 3).ToSafetensors(),
            ["b.f16"] = randn(4, 2).to_type(ScalarType.Float16).ToSafetensors(),
            ["c.bf16"] = randn(2, 3, 2).to_type(ScalarType.BFloat16).ToSafetensors(),
            ["d.i64"] = tensor(new long[] { long.MinValue, 0, 42 }).ToSafetensors(),
            ["e.scalar"] = tensor(3.25f).ToSafetensors(),
        };
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "round trip" };

        SafetensorsWriter.Write(folder.File("m.safetensors"), original, metadata);
        var file = SafetensorsFile.Open(folder.File("m.safetensors"));
        var read = file.ReadAll();

        Assert.Equal(metadata, file.Metadata);
        Assert.Equal(original.Keys.Order(), read.Keys.Order());
        foreach (var (name, tensor) in original)
        {
            Assert.Equal(tensor.DType, read[name].DType);
            Assert.Equal(tensor.Shape, read[name].Shape);
            Assert.Equal(tensor.Data, read[name].Data);
        }
        Assert.Equal(0, file.DataStart % 8);
    }

    [Fact]
    public void A_sharded_checkpoint_finds_each_tensor_in_the_shard_its_index_names()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var first = new Dictionary<string, SafetensorsTensor> { ["x"] = arange(6f).ToSafetensors() };
        var second = new Dictionary<string, SafetensorsTensor> { ["y"] = ones(2, 2).ToSafetensors() };
        SafetensorsWriter.Write(folder.File("model-00001-of-00002.safetensors"), first);
        SafetensorsWriter.Write(folder.File("model-00002-of-00002.safetensors"), second);
        File.WriteAllText(folder.File(SafetensorsCheckpoint.IndexFileName), """
            {"metadata": {"total_size": 40},
             "weight_map": {"x": "model-00001-of-00002.safetensors", "y": "model-00002-of-00002.safetensors"}}
            """);

        var checkpoint = SafetensorsCheckpoint.Open(folder.Path);

        Assert.Equal(["x", "y"], checkpoint.Names.Order());
        Assert.Equal(first["x"].Data, checkpoint.Read("x").Data);
        Assert.Equal(second["y"].Data, checkpoint.Read("y").Data);
        Assert.Null(checkpoint.Find("z"));
    }

    [Fact]
    public void An_index_that_places_a_tensor_in_the_wrong_shard_is_refused_naming_both()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        SafetensorsWriter.Write(folder.File("one.safetensors"), new Dictionary<string, SafetensorsTensor> { ["x"] = ones(1).ToSafetensors() });
        File.WriteAllText(folder.File(SafetensorsCheckpoint.IndexFileName), """{"weight_map": {"y": "one.safetensors"}}""");

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsCheckpoint.Open(folder.Path));

        Assert.Contains("'y'", error.Message);
        Assert.Contains("one.safetensors", error.Message);
    }
}
