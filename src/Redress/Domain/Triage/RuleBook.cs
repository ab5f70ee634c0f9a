using System.Text.RegularExpressions;

namespace Redress.Domain.Triage;

/// <summary>A rule and what of it the text matched.</summary>
public sealed record RuleMatch(TriageRule Rule, IReadOnlyList<string> Keywords, IReadOnlyList<string> Negated)
{
    public bool Fired => Keywords.Count > 0;
}

/// <summary>
/// The active rules compiled once: every word of every word rule in one <see cref="KeywordAutomaton"/>, each
/// pattern a linear-time regex. Matching a complaint is then one pass over its text for all the words plus
/// one per pattern (docs/performance.md, "Triage suggestions"). Immutable: a changed rule set is compiled anew.
/// </summary>
public sealed class RuleBook
{
    private readonly TriageRule[] _rules;
    private readonly KeywordAutomaton _words;
    private readonly int[] _ruleOfWord;
    private readonly (int Rule, Regex Regex)[] _patterns;

    private RuleBook(TriageRule[] rules, KeywordAutomaton words, int[] ruleOfWord, (int, Regex)[] patterns) =>
        (_rules, _words, _ruleOfWord, _patterns) = (rules, words, ruleOfWord, patterns);

    /// <summary>The active rules, highest priority first.</summary>
    public IReadOnlyList<TriageRule> Rules => _rules;

    public static readonly RuleBook Empty = Compile([]);

    /// <summary>Compiles the active rules; inactive ones are left out. Rules are assumed valid (<see cref="TriageRule.Check"/>).</summary>
    public static RuleBook Compile(IEnumerable<TriageRule> rules)
    {
        var active = rules.Where(r => r.Active).OrderByDescending(r => r.Priority).ThenBy(r => r.Id).ToArray();
        var words = new List<string>();
        var ruleOfWord = new List<int>();
        var patterns = new List<(int, Regex)>();
        for (var i = 0; i < active.Length; i++)
        {
            if (active[i].Kind == MatchKind.Pattern)
            {
                patterns.Add((i, new Regex(active[i].Terms, TriageRule.PatternOptions)));
                continue;
            }
            foreach (var word in TriageRule.WordsOf(active[i].Terms))
            {
                words.Add(Fold(word));
                ruleOfWord.Add(i);
            }
        }
        return new RuleBook(active, new KeywordAutomaton(words), [.. ruleOfWord], [.. patterns]);
    }

    /// <summary>Every rule with something found in the text, in rule order (priority first).</summary>
    public IReadOnlyList<RuleMatch> Match(TriageText text)
    {
        var found = new List<string>?[_rules.Length];
        var denied = new List<string>?[_rules.Length];
        var hits = new List<KeywordHit>();
        _words.Scan(text.Lower, hits);
        foreach (var hit in hits)
        {
            var rule = _ruleOfWord[hit.Entry];
            if (!text.Reads(_rules[rule].Language)) continue;
            var word = text.Lower.Substring(hit.Start, hit.Length);
            var into = Negation.IsDenied(text.Lower, hit.Start) ? denied : found;
            var list = into[rule] ??= [];
            if (!list.Contains(word)) list.Add(word);
        }
        foreach (var (rule, regex) in _patterns)
        {
            if (!text.Reads(_rules[rule].Language)) continue;
            var match = regex.Match(text.Lower);
            if (match.Success) (found[rule] ??= []).Add(match.Value.Length <= 60 ? match.Value : match.Value[..60] + "…");
        }
        var matches = new List<RuleMatch>();
        for (var i = 0; i < _rules.Length; i++)
        {
            if (found[i] is null && denied[i] is null) continue;
            // A word both found and denied elsewhere in the text counts: one clause says it happened.
            var keywords = found[i] ?? [];
            matches.Add(new RuleMatch(_rules[i], keywords, [.. (denied[i] ?? []).Where(w => !keywords.Contains(w))]));
        }
        return matches;
    }

    /// <summary>Words are folded like the text (NFKC, lowercase), so ＣＦＰＢ in a rule finds cfpb in a complaint.</summary>
    private static string Fold(string word) => word.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
}
