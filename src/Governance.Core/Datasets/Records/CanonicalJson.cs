using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Governance.Core.Datasets.Records;

/// <summary>
/// The canonical serialisation of a record: one line of UTF-8 JSON, no insignificant white space, the shape's fields
/// in a fixed order (prompt, completion, messages [role, content], chosen, rejected, text, label or labels), then
/// <c>metadata</c> with keys sorted by ordinal, only when there is any. Characters of the Basic Multilingual Plane are
/// written as they are (quote, backslash and control characters escaped as JSON requires); characters beyond it, such as emoji,
/// as \uXXXX surrogate pairs.
/// A version's content hash is the SHA-256 of its records' canonical lines, each followed by "\n", in record order:
/// exactly the bytes of the canonical JSONL export, so `sha256sum` on that export recomputes it.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The canonical JSON of <paramref name="record"/>, without the line end.</summary>
    public static byte[] Serialize(DatasetRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(record, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A string as canonical JSON writes it, quotes included.</summary>
    public static string QuoteString(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 2);
        using (var json = new Utf8JsonWriter(buffer, Options)) json.WriteStringValue(value);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The canonical JSON as a string.</summary>
    public static string SerializeToString(DatasetRecord record) => System.Text.Encoding.UTF8.GetString(Serialize(record));

    /// <summary>Writes the canonical JSON of <paramref name="record"/> to <paramref name="output"/>.</summary>
    public static void Write(DatasetRecord record, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        WriteIfSet(json, "prompt", record.Prompt);
        WriteIfSet(json, "completion", record.Completion);
        if (record.Messages is { } messages)
        {
            json.WriteStartArray("messages");
            foreach (var turn in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", turn.Role);
                json.WriteString("content", turn.Content);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        WriteIfSet(json, "chosen", record.Chosen);
        WriteIfSet(json, "rejected", record.Rejected);
        WriteIfSet(json, "text", record.Text);
        if (record.Labels is { } labels)
        {
            if (record.MultiLabel)
            {
                json.WriteStartArray("labels");
                foreach (var label in labels) json.WriteStringValue(label);
                json.WriteEndArray();
            }
            else json.WriteString("label", labels[0]);
        }
        if (record.Metadata.Count > 0)
        {
            json.WriteStartObject("metadata");
            foreach (var (key, value) in record.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(key);
                value.WriteTo(json);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The SHA-256 of one record's canonical line (with its "\n"), as lower-case hex.</summary>
    public static string RecordHash(DatasetRecord record) => LineHash(Serialize(record));

    /// <summary>The SHA-256 of a canonical JSON line (given without its "\n"), as lower-case hex.</summary>
    public static string LineHash(ReadOnlySpan<byte> canonicalJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(canonicalJson);
        hash.AppendData("\n"u8);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }
}
