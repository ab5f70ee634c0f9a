using System.Globalization;
using System.Text;

namespace Redress.Data;

/// <summary>
/// Turns Chinese and English text into search tokens, the same way for documents and queries and for
/// both databases. Han/Kana/Hangul runs become overlapping bigrams (the classic CJK approach: no word
/// segmenter, and any two-character word is found) plus the run's last character; other text becomes
/// lowercased words without diacritics. Every token is plain ASCII (non-ASCII characters are written as
/// hex code points) so SQLite FTS5 and PostgreSQL's 'simple' text search parse them identically.
/// </summary>
public static class SearchTokens
{
    public static string ForDocument(params string?[] fields)
    {
        var sb = new StringBuilder();
        foreach (var field in fields)
        {
            if (string.IsNullOrEmpty(field)) continue;
            foreach (var token in Tokenize(field)) sb.Append(token.Text).Append(' ');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// A query in two dialects: FTS5 MATCH syntax and PostgreSQL tsquery syntax. CJK runs are phrases of
    /// bigrams; words match as prefixes ("deliver" finds "delivered"). Null when nothing is searchable.
    /// </summary>
    public static (string Fts5, string TsQuery)? ForQuery(string query)
    {
        var fts = new List<string>();
        var ts = new List<string>();
        foreach (var group in Tokenize(query).GroupBy(t => t.Run))
        {
            var tokens = group.ToList();
            if (tokens[0].IsCjk)
            {
                // A lone character: every character starts a token (a bigram, or the run's last unigram).
                if (tokens.Count == 1)
                {
                    fts.Add(tokens[0].Text + "*");
                    ts.Add(tokens[0].Text + ":*");
                    continue;
                }
                var bigrams = tokens.Where(t => !t.IsRunEnd).Select(t => t.Text).ToList();
                fts.Add("\"" + string.Join(' ', bigrams) + "\"");
                ts.Add("(" + string.Join(" <-> ", bigrams) + ")");
            }
            else
            {
                var word = tokens[0].Text;
                fts.Add(word.Length >= 2 ? word + "*" : word);
                ts.Add(word.Length >= 2 ? word + ":*" : word);
            }
        }
        return fts.Count == 0 ? null : (string.Join(" AND ", fts), string.Join(" & ", ts));
    }

    private readonly record struct Token(string Text, int Run, bool IsCjk, bool IsRunEnd);

    private static IEnumerable<Token> Tokenize(string text)
    {
        var run = 0;
        var i = 0;
        var folded = Fold(text);
        while (i < folded.Length)
        {
            var rune = Rune.GetRuneAt(folded, i);
            if (IsCjk(rune))
            {
                var chars = new List<Rune>();
                while (i < folded.Length && IsCjk(rune = Rune.GetRuneAt(folded, i)))
                {
                    chars.Add(rune);
                    i += rune.Utf16SequenceLength;
                }
                for (var k = 0; k + 1 < chars.Count; k++) yield return new Token("c" + Hex(chars[k]) + Hex(chars[k + 1]), run, true, false);
                yield return new Token("c" + Hex(chars[^1]), run, true, true);
                run++;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                var sb = new StringBuilder();
                while (i < folded.Length && (rune = Rune.GetRuneAt(folded, i)) is var r && Rune.IsLetterOrDigit(r) && !IsCjk(r))
                {
                    if (rune.IsAscii) sb.Append((char)rune.Value);
                    else sb.Append('u').Append(Hex(rune));
                    i += rune.Utf16SequenceLength;
                }
                yield return new Token(sb.ToString(), run++, false, true);
            }
            else
            {
                i += rune.Utf16SequenceLength;
            }
        }
    }

    private static string Hex(Rune rune) => rune.Value.ToString("x5", CultureInfo.InvariantCulture);

    /// <summary>Lowercase, full-width to half-width, diacritics removed ("Café" → "cafe", "ＡＢＣ" → "abc").</summary>
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(ch));
        }
        // FormKD splits Hangul syllables into jamo, which are outside the CJK ranges; recompose them so that
        // Korean runs become bigrams like Chinese ones. With the marks gone nothing else recomposes.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsCjk(Rune r) =>
        r.Value is >= 0x3040 and <= 0x30FF // kana
            or >= 0x3400 and <= 0x4DBF // CJK extension A
            or >= 0x4E00 and <= 0x9FFF // CJK unified
            or >= 0xAC00 and <= 0xD7AF // Hangul
            or >= 0xF900 and <= 0xFAFF // compatibility ideographs
            or >= 0x20000 and <= 0x3134F; // extensions B-G
}
