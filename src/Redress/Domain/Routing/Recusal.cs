namespace Redress.Domain.Routing;

/// <summary>
/// 回避 (R-WF-2): nobody handles a complaint about themselves. A case names a staff member in two ways: intake picks
/// them in "about staff member", or their name appears in the subject or description. The text check is
/// deliberately eager: a false hit only passes the case to a colleague.
/// </summary>
public static class Recusal
{
    /// <summary>Names shorter than this (a single 字, "Al") would recuse people from half the complaints.</summary>
    public const int MinNameLength = 2;

    /// <summary>
    /// Whether <paramref name="text"/> names the person by any of their names (<see cref="NamesOf"/>). Chinese is
    /// written without spaces, so a Chinese name counts wherever it appears; a Latin name must stand as whole words
    /// ("Ann" is not in "Annual").
    /// </summary>
    public static bool Mentions(string text, string displayName) => NamesOf(displayName).Any(n => Mentions(text, n, IsLatin(n)));

    /// <summary>
    /// The ways a complaint would name someone: a bilingual display name ("李强 Li Qiang") by its Chinese part or its
    /// Latin part; any other by the whole name.
    /// </summary>
    public static IReadOnlyList<string> NamesOf(string displayName)
    {
        var chinese = new string([.. displayName.Where(IsHan)]);
        var latin = string.Join(' ', new string([.. displayName.Select(c => IsHan(c) ? ' ' : c)]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return [.. new[] { chinese, latin }.Where(n => n.Length >= MinNameLength).Distinct()];
    }

    private static bool Mentions(string text, string name, bool wholeWords)
    {
        for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!wholeWords) return true;
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + name.Length == text.Length || !char.IsLetterOrDigit(text[at + name.Length]);
            if (before && after) return true;
        }
        return false;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsLatin(string name) => !name.Any(IsHan);
}
