using System.Globalization;
using System.Text;

namespace Redress.Features.Triage.Learning;

/// <summary>Which n-grams describe a text. Chinese needs no word segmenter: its characters are the tokens.</summary>
/// <param name="CharNgrams">Longest run of Chinese characters or symbols taken as one feature (1…n).</param>
/// <param name="WordNgrams">Longest run of Latin words taken as one feature (1…n).</param>
/// <param name="SubwordNgrams">Longest character n-gram inside a Latin word (3…n, 0 for none): catches
/// inflections and misspellings (refund, refunded, refnd).</param>
public sealed record GramShape(int CharNgrams = 4, int WordNgrams = 1, int SubwordNgrams = 5);

/// <summary>
/// Turns a text into its n-grams. The text is first normalised so that the same words look the same:
/// NFKC folds full-width letters, digits and punctuation to their half-width forms (ＡＢＣ１２３！ → ABC123!),
/// letters are lower-cased, every digit becomes 0 (an order number or an amount says "a number", not which),
/// and whitespace runs become one space. Then each Chinese/Japanese/Korean character and each symbol is one
/// token, and each run of Latin letters and digits is one word; n-grams run over that token stream.
/// </summary>
public static class TextGrams
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        var gap = false;
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '\uFEFF' or '\u200B')
            {
                gap = sb.Length > 0;
                continue;
            }
            if (gap) sb.Append(' ');
            gap = false;
            sb.Append(char.IsAsciiDigit(ch) ? '0' : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    private enum Kind { Char, Word }

    private readonly record struct Token(int Start, int Length, Kind Kind);

    /// <summary>Receives one n-gram; the span is only valid during the call.</summary>
    public delegate void Visitor(ReadOnlySpan<char> gram);

    /// <summary>
    /// Calls <paramref name="visit"/> once per n-gram occurrence (so repeated n-grams repeat). The grams are built
    /// in one buffer and handed over as spans: prediction looks them up without allocating a string each.
    /// </summary>
    public static void Each(string text, GramShape shape, Visitor visit)
    {
        var normal = Normalize(text);
        var tokens = Tokens(normal);
        var longest = Math.Max(shape.CharNgrams, shape.WordNgrams);
        var buffer = new char[Math.Max(16, normal.Length + longest + 3)];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == Kind.Word && shape.SubwordNgrams >= 3) Subwords(normal.AsSpan(tokens[i].Start, tokens[i].Length), shape.SubwordNgrams, buffer, visit);
            var (length, words) = (0, false);
            for (var n = 1; n <= longest && i + n <= tokens.Count; n++)
            {
                var t = tokens[i + n - 1];
                words |= t.Kind == Kind.Word;
                if (n > (words ? shape.WordNgrams : shape.CharNgrams)) break;
                if (n > 1 && (t.Kind == Kind.Word || tokens[i + n - 2].Kind == Kind.Word)) buffer[length++] = ' ';
                normal.AsSpan(t.Start, t.Length).CopyTo(buffer.AsSpan(length));
                length += t.Length;
                visit(buffer.AsSpan(0, length));
            }
        }
    }

    /// <summary>Whether a person reads the gram as words of the text: not a piece inside a word (#ref), not punctuation alone.</summary>
    public static bool IsReadable(string gram) => gram.Length > 0 && gram[0] != '#' && gram.Any(char.IsLetter);

    public static List<string> All(string text, GramShape shape)
    {
        var grams = new List<string>();
        Each(text, shape, g => grams.Add(g.ToString()));
        return grams;
    }

    // "<refund>" → "<re", "ref", …; the markers keep prefixes and suffixes apart from the middle of words, and the
    // leading '#' keeps these apart from whole words.
    private static void Subwords(ReadOnlySpan<char> word, int longest, char[] buffer, Visitor visit)
    {
        if (word.Length < 3) return;
        var marked = word.Length + 2;
        buffer[0] = '#';
        for (var n = 3; n <= longest && n < marked; n++)
            for (var i = 0; i + n <= marked; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    var at = i + k;
                    buffer[1 + k] = at == 0 ? '<' : at == marked - 1 ? '>' : word[at - 1];
                }
                visit(buffer.AsSpan(0, n + 1));
            }
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var (wordStart, at) = (-1, 0);
        foreach (var rune in text.EnumerateRunes())
        {
            var width = rune.Utf16SequenceLength;
            if (IsWordRune(rune))
            {
                if (wordStart < 0) wordStart = at;
            }
            else
            {
                if (wordStart >= 0) tokens.Add(new Token(wordStart, at - wordStart, Kind.Word));
                wordStart = -1;
                if (rune.Value != ' ') tokens.Add(new Token(at, width, Kind.Char));
            }
            at += width;
        }
        if (wordStart >= 0) tokens.Add(new Token(wordStart, at - wordStart, Kind.Word));
        return tokens;
    }

    // Letters of alphabetic scripts and digits make words; ideographs, kana and hangul (OtherLetter) stand alone.
    private static bool IsWordRune(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark => true,
        _ => r.Value == '\'' || r.Value == '_',
    };
}
