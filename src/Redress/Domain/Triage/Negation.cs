namespace Redress.Domain.Triage;

/// <summary>
/// Whether a rule's word is denied by what comes just before it in its clause: 没有受伤, 未起火, 无人受伤,
/// "no one was injured", "did not catch fire". A denied word does not fire its rule: a complaint that says the
/// child was not hurt is not a safety incident. Some look-alikes are not denials: 没想到 (did not expect),
/// 无法 (cannot), 未能 (failed to) — "无法灭火" is worse, not better.
/// </summary>
public static class Negation
{
    private const int ChineseWindow = 5;
    private const int EnglishWords = 4;

    private static readonly string[] ChineseCues = ["没有", "没", "未", "无", "不会", "不是", "并非", "并未", "从未"];
    private static readonly string[] ChineseLookAlikes = ["没想到", "没料到", "无法", "未能", "无奈", "无数", "无故", "未经"];
    private static readonly HashSet<string> EnglishCues = new(StringComparer.Ordinal)
    {
        "no", "not", "never", "without", "nobody", "none", "neither", "nor", "didn't", "wasn't", "weren't", "isn't",
        "aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "don't", "doesn't", "couldn't", "cannot", "nothing",
    };

    /// <summary>Whether the word at <paramref name="start"/> of <paramref name="lower"/> is denied in its clause.</summary>
    public static bool IsDenied(string lower, int start)
    {
        var clause = start;
        while (clause > 0 && !TriageText.IsClauseBreak(lower[clause - 1])) clause--;
        if (clause == start) return false;
        return TriageText.IsCjk(lower[start]) ? ChineseDenied(lower, clause, start) : EnglishDenied(lower, clause, start);
    }

    private static bool ChineseDenied(string lower, int clause, int start)
    {
        var from = Math.Max(clause, start - ChineseWindow);
        // Look-alikes may start before the window and reach into it (没想到会起火: 想到会 is in it).
        var masked = lower[Math.Max(clause, from - 2)..start];
        foreach (var lookAlike in ChineseLookAlikes) masked = masked.Replace(lookAlike, new string(' ', lookAlike.Length), StringComparison.Ordinal);
        var window = masked[^(start - from)..];
        return ChineseCues.Any(cue => window.Contains(cue, StringComparison.Ordinal));
    }

    private static bool EnglishDenied(string lower, int clause, int start)
    {
        var words = lower[clause..start].Split([' ', '\t', '-', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0 && i >= words.Length - EnglishWords; i--)
        {
            var word = words[i].Replace('’', '\'');
            if (EnglishCues.Contains(word)) return true;
            // "no one was injured"
            if (word == "one" && i > 0 && words[i - 1] == "no") return true;
        }
        return false;
    }
}
