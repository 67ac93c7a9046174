using System.Text;
using Governance.Core.Validation;

namespace Governance.Core.Annotation.Agreement;

/// <summary>
/// Reads answers from CSV with the header <c>item,annotator,label</c> (RFC 4180 quoting). An empty label is a missing
/// answer and is skipped; an annotator answering an item twice is an error naming both lines.
/// </summary>
public static class RatingsCsv
{
    /// <summary>The header the file must start with.</summary>
    public const string Header = "item,annotator,label";

    /// <summary>Every answer in the file, in order.</summary>
    public static IReadOnlyList<Rating> Read(TextReader reader, string fileName)
    {
        var first = reader.ReadLine();
        if (first is null) throw new ValidationError("input", $"{fileName} is empty; it needs the header '{Header}' and one answer per line.");
        if (!string.Equals(first.Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
            throw new ValidationError("input", $"{fileName}:1: the header must be '{Header}', not '{first}'.");
        var ratings = new List<Rating>();
        var seen = new Dictionary<(string, string), int>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            var fields = Fields(line, fileName, number);
            if (fields.Count != 3) throw new ValidationError("input", $"{fileName}:{number}: expected 3 fields (item,annotator,label), found {fields.Count}.");
            var (item, annotator, label) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            if (item.Length == 0 || annotator.Length == 0) throw new ValidationError("input", $"{fileName}:{number}: the item and the annotator must not be empty.");
            if (label.Length == 0) continue;
            if (!seen.TryAdd((item, annotator), number))
                throw new ValidationError("input", $"{fileName}:{number}: annotator '{annotator}' already answered item '{item}' on line {seen[(item, annotator)]}.");
            ratings.Add(new Rating(item, annotator, label));
        }
        return ratings;
    }

    private static List<string> Fields(string line, string fileName, int number)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new ValidationError("input", $"{fileName}:{number}: a quoted field is not closed.");
        fields.Add(field.ToString());
        return fields;
    }
}
