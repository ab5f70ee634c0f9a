using System.Text;

namespace Redress.Bench.Seeding;

/// <summary>
/// Optional real complaint text read at run time from a data folder outside the repository (negative Chinese
/// shopping and food-delivery reviews, US consumer complaint narratives). Nothing of it is stored in the
/// repository; without the folder the seeder uses its templates only.
/// </summary>
internal sealed class RealText
{
    private const int MaxLength = 600;

    /// <summary>Chinese reviews of appliances and electronics (平板, 手机, 热水器, 计算机).</summary>
    public IReadOnlyList<string> ChineseAppliance { get; }
    /// <summary>Chinese reviews of food and of food delivery (蒙牛, 水果, waimai).</summary>
    public IReadOnlyList<string> ChineseFood { get; }
    /// <summary>All negative Chinese shopping reviews: for service, delivery and billing complaints.</summary>
    public IReadOnlyList<string> ChineseAny { get; }
    /// <summary>US consumer finance narratives: for billing, contract and privacy complaints only.</summary>
    public IReadOnlyList<string> EnglishFinance { get; }

    public int Count => ChineseAny.Count + ChineseFood.Count + EnglishFinance.Count;

    private RealText(List<string> appliance, List<string> food, List<string> any, List<string> finance) =>
        (ChineseAppliance, ChineseFood, ChineseAny, EnglishFinance) = (appliance, food, any, finance);

    public static readonly RealText None = new([], [], [], []);

    /// <param name="maxLength">Longer texts are cut to this many characters (the seeder keeps cases short).</param>
    public static RealText Load(string? folder, int maxLength = MaxLength)
    {
        if (folder is null || !Directory.Exists(folder)) return None;
        List<string> appliance = [], food = [], any = [], finance = [];
        string[] applianceCats = ["平板", "手机", "热水器", "计算机"];
        string[] foodCats = ["蒙牛", "水果"];
        // Negative reviews only: they read like complaints. Column layout per each folder's SOURCE.md.
        AddRows(maxLength, Path.Combine(folder, "cn_review_sentiment", "online_shopping_10_cats.csv"), r => r.Count == 3 && r[1] == "0" ? r[2] : null,
            (row, text) =>
            {
                // Hotel reviews read like nothing a manufacturer or shop hears.
                if (row[0] != "酒店") any.Add(text);
                if (applianceCats.Contains(row[0])) appliance.Add(text);
                if (foodCats.Contains(row[0])) food.Add(text);
            });
        AddRows(maxLength, Path.Combine(folder, "cn_review_sentiment", "waimai_10k.csv"), r => r.Count == 2 && r[0] == "0" ? r[1] : null, (_, text) => food.Add(text));
        AddRows(maxLength, Path.Combine(folder, "en_cfpb_consumer_complaints", "complaints_sample.csv"), r => r.Count > 5 ? r[5] : null, (_, text) => finance.Add(text));
        return new RealText(appliance, food, any, finance);
    }

    private static void AddRows(int maxLength, string path, Func<List<string>, string?> pick, Action<List<string>, string> add)
    {
        if (!File.Exists(path)) return;
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = true;
        foreach (var row in Csv(reader))
        {
            if (header)
            {
                header = false;
                continue;
            }
            var text = pick(row)?.Trim().TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(text) || text.Length < 8) continue;
            add(row, text.Length <= maxLength ? text : text[..maxLength]);
        }
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> Csv(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') field.Append((char)reader.Read());
                else quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
