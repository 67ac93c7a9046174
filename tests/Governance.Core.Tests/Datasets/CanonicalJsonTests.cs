using System.Security.Cryptography;
using System.Text;
using Governance.Core.Datasets.Import;
using Governance.Core.Datasets.Records;
using static Governance.Core.Tests.Datasets.ImportReading;

namespace Governance.Core.Tests.Datasets;

public sealed class CanonicalJsonTests
{
    [Fact]
    public async Task The_canonical_form_orders_fields_sorts_metadata_and_escapes_only_what_it_must()
    {
        var (_, records) = await ReadAsync("""{ "zeta": 1, "completion": "Grüße 😀", "alpha": [true], "prompt": "a\tb" }""", ImportFormat.Jsonl);
        Assert.Equal("""{"prompt":"a\tb","completion":"Grüße \uD83D\uDE00","metadata":{"alpha":[true],"zeta":1}}""",
            CanonicalJson.SerializeToString(records[0]));
    }

    [Fact]
    public async Task The_same_records_written_differently_have_the_same_content_hash()
    {
        var (_, a) = await ReadAsync("{\"prompt\":\"p\",\"completion\":\"c\",\"x\":1}\n", ImportFormat.Jsonl);
        var (_, b) = await ReadAsync("prompt,completion,x\np,c,1\n", ImportFormat.Csv);
        var (_, c) = await ReadAsync("{ \"x\" : 1, \"completion\" : \"c\", \"prompt\" : \"p\" }\r\n", ImportFormat.Jsonl);
        Assert.Equal(Hash(a), Hash(c));
        Assert.NotEqual(Hash(a), Hash(b)); // CSV cells are strings: "1" is not 1
    }

    [Fact]
    public async Task The_content_hash_is_the_SHA256_of_the_canonical_JSONL_bytes()
    {
        var (_, records) = await ReadAsync("{\"text\":\"one\"}\n{\"text\":\"two\",\"lang\":\"en\"}\n", ImportFormat.Jsonl);
        var jsonl = "{\"text\":\"one\"}\n{\"text\":\"two\",\"metadata\":{\"lang\":\"en\"}}\n";
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jsonl))), Hash(records));
    }

    [Fact]
    public async Task Order_matters_to_the_content_hash()
    {
        var (_, records) = await ReadAsync("{\"text\":\"one\"}\n{\"text\":\"two\"}\n", ImportFormat.Jsonl);
        Assert.NotEqual(Hash(records), Hash([records[1], records[0]]));
    }

    private static string Hash(IEnumerable<DatasetRecord> records)
    {
        using var hasher = new ContentHasher();
        foreach (var record in records) hasher.Add(record);
        return hasher.Finish();
    }
}
