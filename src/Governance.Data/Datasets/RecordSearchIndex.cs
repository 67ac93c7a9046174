using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Data.Datasets;

/// <summary>
/// The full-text index of record contents on SQLite: a contentless FTS5 table, RecordSearch, whose rowid is the first
/// 15 hex digits (60 bits) of the content's hash, so it survives VACUUM and needs no extra key. Each content is
/// indexed once, by <see cref="RecordSearchIndexer"/> after the version that brought it was made, by its text fields
/// and its metadata values. The index keeps no word positions
/// (detail=none): searches are sets of words and prefixes, never phrases, and indexing costs a third less.
/// SQL Server searches with LIKE.
/// </summary>
internal static class RecordSearchIndex
{
    public const string Table = "RecordSearch";

    public const string CreateSql = $"CREATE VIRTUAL TABLE {Table} USING fts5(text, content='', detail=none, tokenize='unicode61 remove_diacritics 2')";

    public const string InsertSql = $"INSERT INTO {Table} (rowid, text) VALUES (@rowid, @text)";

    /// <summary>The index's rowid for a content hash.</summary>
    public static long RowId(string hash) => long.Parse(hash.AsSpan(0, 15), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>SQL for the rowid of RecordContents' Hash column in <paramref name="column"/> (for backfilling in a migration).</summary>
    public static string RowIdSql(string column)
    {
        var terms = Enumerable.Range(0, 15).Select(i =>
            $"(instr('0123456789abcdef', substr({column}, {i + 1}, 1)) - 1) * {(1L << (4 * (14 - i))).ToString(CultureInfo.InvariantCulture)}");
        return string.Join(" + ", terms);
    }

    /// <summary>
    /// What is indexed for a record, read straight from its canonical JSON: every string and number value (the text
    /// fields, labels and metadata values), but no field names and no message roles.
    /// </summary>
    public static string Text(string canonicalJson)
    {
        var text = new StringBuilder(canonicalJson.Length);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(canonicalJson));
        var skipNext = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    skipNext = reader.ValueTextEquals("role"u8);
                    break;
                case JsonTokenType.String when !skipNext:
                    text.Append(reader.GetString()).Append('\n');
                    break;
                case JsonTokenType.Number:
                    text.Append(Encoding.UTF8.GetString(reader.ValueSpan)).Append('\n');
                    break;
            }
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number) skipNext = false;
        }
        return text.ToString();
    }

    /// <summary>
    /// The FTS5 query for what a person typed: every word must appear, in any order; a word followed by <c>*</c> also
    /// matches words it starts (<c>refu*</c>). Prefixes are asked for, not implied: without positions in the index a
    /// prefix of a common word merges every matching document first, which costs tenths of a second at a million
    /// records. Null when the search has no word, e.g. only punctuation.
    /// </summary>
    public static string? MatchQuery(string search)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i <= search.Length; i++)
        {
            var c = i < search.Length ? search[i] : ' ';
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            if (word.Length == 0) continue;
            terms.Add($"\"{word}\"" + (c == '*' ? "*" : ""));
            word.Clear();
        }
        return terms.Count == 0 ? null : string.Join(" ", terms);
    }
}
