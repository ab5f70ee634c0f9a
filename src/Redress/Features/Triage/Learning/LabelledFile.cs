using System.Text;
using System.Text.Json;

namespace Redress.Features.Triage.Learning;

/// <summary>One example for the classifier: the text and the label a person gave it.</summary>
public sealed record LabelledText(string Text, string Label);

/// <summary>
/// Reads labelled examples from a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and line
/// breaks; a UTF-8 byte order mark is skipped) or from JSON Lines (one object a line), picking the text and
/// label by column or property name. Rows whose text or label is empty are skipped: they teach nothing.
/// </summary>
public static class LabelledFile
{
    public static List<LabelledText> Read(string path, string textColumn, string labelColumn)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonLines(reader, textColumn, labelColumn)
            : ReadCsv(reader, textColumn, labelColumn);
    }

    public static List<LabelledText> ReadCsv(TextReader reader, string textColumn, string labelColumn)
    {
        using var rows = CsvRows.Read(reader).GetEnumerator();
        if (!rows.MoveNext()) return [];
        var header = rows.Current.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var (text, label) = (Column(header, textColumn), Column(header, labelColumn));
        var examples = new List<LabelledText>();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Count <= Math.Max(text, label)) continue;
            Add(examples, row[text], row[label]);
        }
        return examples;
    }

    public static List<LabelledText> ReadJsonLines(TextReader reader, string textProperty, string labelProperty)
    {
        var examples = new List<LabelledText>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = ParseLine(line, number);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException($"Line {number} is not a JSON object.");
            Add(examples, Value(doc.RootElement, textProperty), Value(doc.RootElement, labelProperty));
        }
        return examples;
    }

    private static JsonDocument ParseLine(string line, int number)
    {
        try { return JsonDocument.Parse(line); }
        catch (JsonException e) { throw new FormatException($"Line {number} is not valid JSON: {e.Message}", e); }
    }

    private static string? Value(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(), // numbers and booleans are labels too (label: 1)
        } : null;

    private static void Add(List<LabelledText> examples, string? text, string? label)
    {
        label = label?.Trim();
        if (!string.IsNullOrWhiteSpace(text) && !string.IsNullOrEmpty(label)) examples.Add(new LabelledText(text, label));
    }

    private static int Column(List<string> header, string name)
    {
        var i = header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : throw new FormatException($"There is no column \"{name}\"; the columns are: {string.Join(", ", header)}.");
    }
}

/// <summary>An RFC 4180 reader: records of fields, quoted fields spanning lines, "" for a quote inside quotes.</summary>
public static class CsvRows
{
    public static IEnumerable<List<string>> Read(TextReader reader)
    {
        var field = new StringBuilder();
        var row = new List<string>();
        var (quoted, any) = (false, false);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                    if (any || field.Length > 0 || row.Count > 0)
                    {
                        row.Add(field.ToString());
                        yield return row;
                    }
                    (row, any) = ([], false);
                    field.Clear();
                    break;
                default: field.Append(ch); any = true; break;
            }
        }
        if (any || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
