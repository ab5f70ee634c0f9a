using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Redress.Bench.Seeding;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Triage;

namespace Redress.Bench.Triage;

/// <summary>
/// <c>triage</c>: the cost of the suggestion for one new case (issue 5: ≤ 5 ms p95 on one core). Runs the server's
/// own rule book, sentiment and suggester on real complaint text read from <c>--text-dir</c> (negative Chinese
/// reviews, US CFPB narratives at full length), with the default rules padded to <c>--rules</c> rules, one
/// thread. Also prints how often each default rule family fires on that text, and with <c>--database</c> times
/// the contact-frequency count on a seeded SQLite file (<see cref="ContactCountBench"/>).
/// </summary>
internal static class TriageBenchCommand
{
    public static async Task<int> RunAsync(Args args)
    {
        var folder = args.Get("text-dir") ?? Path.Combine("..", "shared", "data");
        var ruleCount = args.Int("rules", 300);
        var texts = Texts(RealText.Load(folder, maxLength: 10_000));
        if (texts.Count == 0) throw new ArgumentException($"no text under {folder}: pass --text-dir with the data folder");
        var taxonomy = Taxonomy();
        var defaults = DefaultTriageRules.Rules(taxonomy, DateTime.UtcNow).ToList();

        var compile = Stopwatch.StartNew();
        var rules = defaults.Concat(Padding(texts, ruleCount - defaults.Count, taxonomy.Values.ToArray())).ToList();
        var book = RuleBook.Compile(rules);
        var compiled = compile.Elapsed.TotalMilliseconds;
        int? ParentOf(int id) => id > 100 ? id / 100 : null;

        // The JIT first, on a few texts. Then a first pass right after compiling, as after an administrator's change
        // (the linear-time regexes build their automata lazily, on the texts they meet), and a second, warm pass.
        foreach (var (text, _) in texts.Take(200)) TriageSuggester.Suggest(TriageText.Of(text), book, [], ParentOf);
        var first = Pass(texts, book, ParentOf, null);
        var fired = new Dictionary<string, int>();
        var suggest = Pass(texts, book, ParentOf, s =>
        {
            foreach (var hit in s.Rules.Where(r => r.Fired && defaults.Any(d => d.Name == r.Name))) fired[hit.Name] = fired.GetValueOrDefault(hit.Name) + 1;
        });
        var stored = new List<double>(texts.Count);
        var clock = new Stopwatch();
        foreach (var (text, _) in texts)
        {
            clock.Restart();
            _ = JsonSerializer.Serialize(TriageSuggester.Suggest(TriageText.Of(text), book, [], ParentOf), TriageJson.Options);
            stored.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Where the time goes: the rules alone (words and patterns), the patterns alone, the sentiment alone.
        var (matching, patterns, sentiment, english) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var patternsOnly = RuleBook.Compile(rules.Where(r => r.Kind == MatchKind.Pattern));
        foreach (var (text, zh) in texts)
        {
            clock.Restart();
            var t = TriageText.Of(text);
            book.Match(t);
            matching.Add(clock.Elapsed.TotalMilliseconds);
            if (!zh) english.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            patternsOnly.Match(t);
            patterns.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            Sentiment.Read(t);
            sentiment.Add(clock.Elapsed.TotalMilliseconds);
        }

        var zhCount = texts.Count(t => t.Zh);
        Console.WriteLine(Invariant($"{texts.Count:N0} texts ({zhCount:N0} Chinese, {texts.Count - zhCount:N0} English; mean {texts.Average(t => t.Text.Length):N0} characters, longest {texts.Max(t => t.Text.Length):N0})"));
        Console.WriteLine(Invariant($"{rules.Count} active rules ({defaults.Count} default, {rules.Count(r => r.Kind == MatchKind.Pattern)} patterns, {rules.Sum(r => TriageRule.WordsOf(r.Terms).Count):N0} words); compiled in {compiled:F1} ms"));
        Console.WriteLine();
        Console.WriteLine("| texts | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("all: first pass after compiling", [.. first.Select(s => s.Ms)]);
        Row("all: suggestion", [.. suggest.Select(s => s.Ms)]);
        Row("Chinese", [.. suggest.Where(s => s.Zh).Select(s => s.Ms)]);
        Row("English", [.. suggest.Where(s => !s.Zh).Select(s => s.Ms)]);
        Row("all: suggestion + JSON to store", stored);
        Row("all: text folding and rules (words and patterns)", matching);
        Row("English: text folding and rules", english);
        Row("all: patterns only", patterns);
        Row("all: sentiment only", sentiment);
        Console.WriteLine();
        Console.WriteLine("How often the default rules fire on this text:");
        foreach (var (name, count) in fired.OrderByDescending(f => f.Value))
            Console.WriteLine(Invariant($"  {name,-34} {count,6:N0}  {100.0 * count / texts.Count,5:F1} %"));
        if (args.Get("parts") is { } dir) await RegistrationPartsBench.RunAsync(dir);
        if (args.Get("database") is { } database) await ContactCountBench.RunAsync(database, args.Int("samples", 2_000));
        return 0;
    }

    private static List<(double Ms, bool Zh)> Pass(List<(string Text, bool Zh)> texts, RuleBook book, Func<int, int?> parentOf, Action<TriageSuggestion>? seen)
    {
        var times = new List<(double, bool)>(texts.Count);
        var clock = new Stopwatch();
        foreach (var (text, zh) in texts)
        {
            clock.Restart();
            var s = TriageSuggester.Suggest(TriageText.Of(text), book, [], parentOf);
            times.Add((clock.Elapsed.TotalMilliseconds, zh));
            seen?.Invoke(s);
        }
        return times;
    }

    private static List<(string Text, bool Zh)> Texts(RealText real)
    {
        var all = real.ChineseAny.Concat(real.ChineseFood).Select(t => (t, true)).Concat(real.EnglishFinance.Select(t => (t, false))).ToList();
        // A fixed order, mixed: no language or length runs in a row.
        var random = new Random(5);
        return [.. all.OrderBy(_ => random.Next())];
    }

    /// <summary>The default taxonomy's codes with made-up ids: a sub-category's id is its parent's × 100 + n.</summary>
    private static Dictionary<string, int> Taxonomy()
    {
        string[][] tree =
        [
            ["QUALITY", "Q-DEFECT", "Q-DAMAGE", "Q-SAFETY", "Q-FOOD"], ["SERVICE", "S-RUDE", "S-NORESPONSE"],
            ["AFTERSALES", "A-REPAIR", "A-RETURN", "A-WARRANTY"], ["LOGISTICS", "L-LATE", "L-LOST", "L-WRONG"],
            ["BILLING", "B-OVERCHARGE", "B-REFUND", "B-PROMO"], ["CONTRACT"], ["OTHER", "O-PRIVACY", "O-ADVERT"],
        ];
        var ids = new Dictionary<string, int>();
        for (var top = 0; top < tree.Length; top++)
            for (var sub = 0; sub < tree[top].Length; sub++)
                ids[tree[top][sub]] = sub == 0 ? top + 1 : (top + 1) * 100 + sub;
        return ids;
    }

    /// <summary>
    /// Made-up rules of words that occur in the text, so the padding does real work: mid-frequency Chinese
    /// bigrams and English words, eight to a rule, and every tenth rule a pattern of two alternations.
    /// </summary>
    private static IEnumerable<TriageRule> Padding(List<(string Text, bool Zh)> texts, int count, int[] categories)
    {
        var frequency = new Dictionary<string, int>();
        foreach (var (text, zh) in texts.Take(5_000))
        {
            var lower = text.ToLowerInvariant();
            var words = zh
                ? Enumerable.Range(0, Math.Max(0, lower.Length - 1)).Select(i => lower.Substring(i, 2)).Where(w => w.All(TriageText.IsCjk))
                : lower.Split([' ', ',', '.', ';', ':', '!', '?', '"', '(', ')', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && w.All(char.IsAsciiLetter));
            foreach (var w in words) frequency[w] = frequency.GetValueOrDefault(w) + 1;
        }
        var vocabulary = frequency.OrderByDescending(f => f.Value).Skip(200).Select(f => f.Key).ToList();
        var random = new Random(42);
        CaseFlags[] flags = [CaseFlags.Urgent, CaseFlags.Escalated, CaseFlags.SuspectedMalicious];
        for (var i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, 8).Select(_ => vocabulary[random.Next(Math.Min(vocabulary.Count, 8 * count))]).Distinct().ToList();
            var pattern = i % 10 == 9;
            var terms = pattern ? $"({words[0]}|{words[1]}).{{0,12}}({words[2]}|{words[3]})" : string.Join('\n', words);
            yield return TriageRule.Create(new TriageRuleSpec($"padding {i}", TriageLanguage.Any, pattern ? MatchKind.Pattern : MatchKind.Words, terms,
                categories[random.Next(categories.Length)], random.Next(3) == 0 ? random.Next(1, 5) : null, flags[random.Next(flags.Length)], random.Next(100), false, true),
                "bench", DateTime.UtcNow).Value;
        }
    }

    private static void Row(string label, List<double> ms)
    {
        ms.Sort();
        double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        Console.WriteLine(Invariant($"| {label} ({ms.Count:N0}) | {At(0.50):F3} | {At(0.95):F3} | {At(0.99):F3} | {ms[^1]:F3} | {ms.Average():F3} |"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
