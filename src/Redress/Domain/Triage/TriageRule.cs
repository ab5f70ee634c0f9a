using System.Text.RegularExpressions;
using Redress.Domain.Cases;

namespace Redress.Domain.Triage;

/// <summary>Which text a rule reads: Chinese, English, or any.</summary>
public enum TriageLanguage
{
    Any,
    Zh,
    En,
}

/// <summary>A list of words and phrases, or one regular expression.</summary>
public enum MatchKind
{
    Words,
    Pattern,
}

/// <summary>What an administrator writes: the rule's match and what it sets.</summary>
public sealed record TriageRuleSpec(
    string Name, TriageLanguage Language, MatchKind Kind, string Terms,
    int? CategoryId, int? MaxGrade, CaseFlags Flags, int Priority, bool Apply, bool Active);

/// <summary>
/// A keyword rule (R-CL-3): words or a pattern in one language, and what a match suggests: a category, a grade
/// at most N, flags. A rule marked <see cref="Apply"/> sets its grade and flags on the case at registration;
/// every other rule only suggests. Never deleted, only disabled, so a decision's rule can still be named.
/// </summary>
public sealed class TriageRule
{
    /// <summary>The flags a rule may set. Repeat and group come from their own detectors, not from words.</summary>
    public const CaseFlags SettableFlags = CaseFlags.Urgent | CaseFlags.Escalated | CaseFlags.SuspectedMalicious;

    /// <summary>Patterns are matched in linear time, so no pattern an administrator writes can stall registration.</summary>
    internal const RegexOptions PatternOptions = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public TriageLanguage Language { get; private set; }
    public MatchKind Kind { get; private set; }
    /// <summary>Words: one per line (or separated by commas or 、); a trailing * matches any ending. Pattern: a .NET regex.</summary>
    public string Terms { get; private set; } = "";
    public int? CategoryId { get; private set; }
    public int? MaxGrade { get; private set; }
    public CaseFlags Flags { get; private set; }
    /// <summary>Higher first: a higher rule's category wins over a lower one's, however many words the lower matched.</summary>
    public int Priority { get; private set; }
    public bool Apply { get; private set; }
    public bool Active { get; private set; }
    public int Version { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    private TriageRule() { }

    public static Result<TriageRule> Create(TriageRuleSpec spec, string by, DateTime now)
    {
        if (Check(spec) is { } error) return error;
        var rule = new TriageRule();
        rule.Set(spec, by, now);
        return rule;
    }

    public Result Change(TriageRuleSpec spec, string by, DateTime now)
    {
        if (Check(spec) is { } error) return error;
        Set(spec, by, now);
        return Result.Success;
    }

    public void Disable(string by, DateTime now)
    {
        if (!Active) return;
        Active = false;
        (Version, UpdatedAt, UpdatedBy) = (Version + 1, now, by);
    }

    public TriageRuleSpec Spec => new(Name, Language, Kind, Terms, CategoryId, MaxGrade, Flags, Priority, Apply, Active);

    /// <summary>The words of a word rule, trimmed, without empties or repeats.</summary>
    public static IReadOnlyList<string> WordsOf(string terms) =>
        [.. terms.Split(['\n', '\r', ',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The business rules of a rule; the request's shape (lengths, ranges) is checked before.</summary>
    public static Error? Check(TriageRuleSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Name)) return Error.Invalid("name_required", "A rule has a name.", "name");
        if (spec.MaxGrade is < 1 or > 4) return Error.Invalid("grade_out_of_range", "Grade is 1 (most severe) to 4.", "maxGrade");
        if ((spec.Flags & ~SettableFlags) != 0)
            return Error.Invalid("flag_not_settable", "A rule sets urgent, escalated or suspected malicious; repeat and group are found by their own checks.", "flags");
        if (spec.CategoryId is null && spec.MaxGrade is null && spec.Flags == CaseFlags.None)
            return Error.Invalid("sets_nothing", "A rule suggests a category, a grade or a flag.", "categoryId");
        if (spec.Apply && spec.MaxGrade is null && spec.Flags == CaseFlags.None)
            return Error.Invalid("nothing_to_apply", "A rule that applies itself sets a grade or a flag; a category is only ever suggested.", "apply");
        return spec.Kind == MatchKind.Words ? CheckWords(spec.Terms) : CheckPattern(spec.Terms);
    }

    private static Error? CheckWords(string terms)
    {
        var words = WordsOf(terms);
        if (words.Count == 0) return Error.Invalid("terms_required", "List at least one word or phrase.", "terms");
        if (words.FirstOrDefault(w => w.TrimEnd('*').Length == 0) is { } star)
            return Error.Invalid("terms_required", $"'{star}' has no word before the *.", "terms");
        return null;
    }

    private static Error? CheckPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return Error.Invalid("terms_required", "Write a pattern.", "terms");
        try
        {
            var regex = new Regex(pattern, PatternOptions);
            // A pattern that matches nothing at all would match every complaint.
            if (regex.IsMatch("")) return Error.Invalid("pattern_matches_empty", "The pattern matches empty text, so it would match every complaint.", "terms");
            return null;
        }
        catch (ArgumentException ex)
        {
            return Error.Invalid("invalid_pattern", ex.Message, "terms");
        }
        catch (NotSupportedException ex)
        {
            // Back-references and look-arounds cannot run in linear time.
            return Error.Invalid("invalid_pattern", ex.Message, "terms");
        }
    }

    private void Set(TriageRuleSpec spec, string by, DateTime now)
    {
        Name = spec.Name.Trim();
        Language = spec.Language;
        Kind = spec.Kind;
        Terms = spec.Kind == MatchKind.Words ? string.Join('\n', WordsOf(spec.Terms)) : spec.Terms.Trim();
        (CategoryId, MaxGrade, Flags, Priority, Apply, Active) = (spec.CategoryId, spec.MaxGrade, spec.Flags, spec.Priority, spec.Apply, spec.Active);
        (Version, UpdatedAt, UpdatedBy) = (Version + 1, now, by);
    }
}
