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

    private readonly record struct Token(string Text, Kind Kind);

    /// <summary>Calls <paramref name="gram"/> once per n-gram occurrence (so repeated n-grams repeat).</summary>
    public static void Each(string text, GramShape shape, Action<string> gram)
    {
        var tokens = Tokens(Normalize(text));
        var longest = Math.Max(shape.CharNgrams, shape.WordNgrams);
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == Kind.Word && shape.SubwordNgrams >= 3) Subwords(tokens[i].Text, shape.SubwordNgrams, gram);
            sb.Clear();
            var words = false;
            for (var n = 1; n <= longest && i + n <= tokens.Count; n++)
            {
                var t = tokens[i + n - 1];
                words |= t.Kind == Kind.Word;
                if (n > (words ? shape.WordNgrams : shape.CharNgrams)) break;
                if (n > 1 && (t.Kind == Kind.Word || tokens[i + n - 2].Kind == Kind.Word)) sb.Append(' ');
                sb.Append(t.Text);
                gram(sb.ToString());
            }
        }
    }

    public static List<string> All(string text, GramShape shape)
    {
        var grams = new List<string>();
        Each(text, shape, grams.Add);
        return grams;
    }

    // "<refund>" → "<re", "ref", …; the markers keep prefixes and suffixes apart from the middle of words, and the
    // leading '#' keeps these apart from whole words.
    private static void Subwords(string word, int longest, Action<string> gram)
    {
        if (word.Length < 3) return;
        var marked = "<" + word + ">";
        for (var n = 3; n <= longest; n++)
            for (var i = 0; i + n <= marked.Length; i++)
                if (n < marked.Length) gram(string.Concat("#", marked.AsSpan(i, n)));
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0) tokens.Add(new Token(word.ToString(), Kind.Word));
            word.Clear();
            if (rune.Value != ' ') tokens.Add(new Token(rune.ToString(), Kind.Char));
        }
        if (word.Length > 0) tokens.Add(new Token(word.ToString(), Kind.Word));
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
