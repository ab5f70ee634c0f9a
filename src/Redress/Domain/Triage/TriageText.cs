using System.Text;

namespace Redress.Domain.Triage;

/// <summary>
/// A complaint's text as the rules and the sentiment read it: NFKC-folded, so full-width letters and digits
/// (１２３１５, ＣＦＰＢ) read as ASCII, and lowercased; with the languages it contains. <see cref="Folded"/> keeps
/// the case for the all-caps check; both strings have the same length, position for position.
/// </summary>
public sealed class TriageText
{
    public string Folded { get; }
    public string Lower { get; }
    public bool HasChinese { get; }
    public bool HasLatin { get; }

    private TriageText(string folded)
    {
        Folded = folded;
        Lower = folded.ToLowerInvariant();
        var (cjk, latin) = (0, 0);
        foreach (var c in folded)
        {
            if (IsCjk(c)) cjk++;
            else if (char.IsAsciiLetter(c)) latin++;
        }
        // A stray English brand name in Chinese text, or one Chinese name in English, makes neither bilingual.
        HasChinese = cjk >= 2;
        HasLatin = latin >= 3 && (cjk == 0 || latin >= 12);
    }

    // The typographic apostrophe becomes ASCII, so "don’t" reads as "don't".
    public static TriageText Of(string text) =>
        new((text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC)).Replace('’', '\''));

    public static TriageText Of(string subject, string description) => Of(subject + "\n" + description);

    public bool Reads(TriageLanguage language) => language switch
    {
        TriageLanguage.Zh => HasChinese,
        TriageLanguage.En => HasLatin,
        _ => true,
    };

    /// <summary>CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>Ends a clause: a negation or an intensifier before it does not reach past.</summary>
    public static bool IsClauseBreak(char c) => c is '，' or '。' or '！' or '？' or '；' or '：' or ',' or '.' or '!' or '?' or ';' or ':' or '\n' or '\r' or '…';
}
