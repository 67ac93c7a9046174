using System.Buffers.Binary;
using System.Text;
using Governance.Training.Safetensors;
using static TorchSharp.torch;

namespace Governance.Training.Tests.Safetensors;

public sealed class SafetensorsFormatTests
{
    [Fact]
    public void A_hand_built_file_reads_as_the_values_its_bytes_encode()
    {
        using var folder = new TempFolder();
        const string header = """{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"h":{"dtype":"BF16","shape":[1,1],"data_offsets":[8,10]}}""";
        byte[] data = [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0, 0xC0, 0x3F]; // 1f, -2.5f, bf16 1.5
        File.WriteAllBytes(folder.File("a.safetensors"), FileBytes(header, data));

        var file = SafetensorsFile.Open(folder.File("a.safetensors"));

        Assert.Equal("pt", file.Metadata["format"]);
        using var w = file.Read("w").ToTorch();
        using var h = file.Read("h").ToTorch();
        Assert.Equal(new float[] { 1f, -2.5f }, w.data<float>().ToArray());
        Assert.Equal(ScalarType.BFloat16, h.dtype);
        Assert.Equal(new long[] { 1, 1 }, h.shape);
        Assert.Equal(1.5f, h.to_type(ScalarType.Float32).item<float>());
    }

    [Fact]
    public void The_writer_produces_the_reference_layout_byte_for_byte()
    {
        using var folder = new TempFolder();
        var tensor = new SafetensorsTensor(SafetensorsDType.F16, [2], [0x00, 0x3C, 0x00, 0xC0]); // 1.0, -2.0
        SafetensorsWriter.Write(folder.File("x.safetensors"), new Dictionary<string, SafetensorsTensor> { ["x"] = tensor });

        const string header = """{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""";
        var padded = header.PadRight((header.Length + 7) / 8 * 8);
        Assert.Equal(FileBytes(padded, tensor.Data), File.ReadAllBytes(folder.File("x.safetensors")));
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", "'w' has 8 bytes")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}""", "'w' has data_offsets outside")]
    [InlineData("""{"w":{"dtype":"Q4","shape":[2],"data_offsets":[0,8]}}""", "unsupported dtype 'Q4'")]
    [InlineData("""{"w":{"dtype":"F32","data_offsets":[0,8]}}""", "'w' lacks a valid")]
    [InlineData("""[1,2]""", "not a JSON object")]
    public void A_malformed_header_is_refused_naming_the_file_and_the_fault(string header, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("bad.safetensors"), FileBytes(header, new byte[8]));

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(folder.File("bad.safetensors")));

        Assert.Contains("bad.safetensors", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_header_length_beyond_the_file_is_refused()
    {
        using var folder = new TempFolder();
        var bytes = FileBytes("{}", []);
        BinaryPrimitives.WriteInt64LittleEndian(bytes, 1 << 20);
        File.WriteAllBytes(folder.File("short.safetensors"), bytes);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(folder.File("short.safetensors")));
        Assert.Contains("header length 1048576", error.Message);
    }

    private static byte[] FileBytes(string header, byte[] data)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }
}
