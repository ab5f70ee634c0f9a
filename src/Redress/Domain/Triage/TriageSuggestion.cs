using Redress.Domain.Cases;

namespace Redress.Domain.Triage;

/// <summary>What a reason points at; the page names each kind in the reader's language.</summary>
public enum CueKind
{
    /// <summary>A rule's word found in the text.</summary>
    Keyword,
    /// <summary>A rule's pattern matched this text.</summary>
    Pattern,
    /// <summary>A rule's word found, but denied (没有受伤, no one was injured): it did not count.</summary>
    Negated,
    Negative,
    Positive,
    /// <summary>A sentiment word turned around by a negation (不满意 is a word; 不好吃 is 不 + 好吃).</summary>
    NegatedSentiment,
    Intensifier,
    Exclamation,
    RepeatedPunctuation,
    AllCaps,
    /// <summary>投诉, 曝光, 12315, a lawyer: the customer threatens to take it further.</summary>
    Threat,
    Anger,
    /// <summary><see cref="Cue.Count"/> complaints from this contact within <see cref="Cue.Text"/> hours.</summary>
    ContactCount,
    /// <summary>The learned classifier's probability, in <see cref="Cue.Text"/>.</summary>
    Learned,
    /// <summary>An n-gram of the text that weighed most towards the learned classifier's label.</summary>
    LearnedFeature,
    /// <summary>An earlier case (<see cref="Cue.Text"/>, its number) of this customer about the same order.</summary>
    SameOrder,
    /// <summary>An earlier case of this customer about the same product (SKU or name).</summary>
    SameProduct,
    /// <summary>An earlier case of this customer whose text is <see cref="Cue.Count"/> % alike.</summary>
    SimilarText,
}

/// <summary>One piece of evidence: a word, a pattern's match, a feature of the text.</summary>
public sealed record Cue(CueKind Kind, string Text, int Count = 1);

/// <summary>Who suggested it. Repeat and group are set by their own detectors; the learned classifier by its model.</summary>
public enum SuggestionSource
{
    Rule,
    Learned,
    Sentiment,
    ContactFrequency,
    Repeat,
    Group,
}

public sealed record CategorySuggestion(int CategoryId, double Confidence, SuggestionSource Source, string? Rule, IReadOnlyList<Cue> Cues);

/// <param name="Applied">A rule marked "apply" set this grade at registration.</param>
public sealed record GradeSuggestion(int Grade, double Confidence, string? Rule, IReadOnlyList<Cue> Cues, bool Applied);

/// <param name="Applied">A rule marked "apply" set this flag at registration.</param>
public sealed record FlagSuggestion(CaseFlags Flag, double Confidence, SuggestionSource Source, string? Rule, IReadOnlyList<Cue> Cues, bool Applied);

/// <summary>How angry the customer reads: 0 calm … 3 furious.</summary>
public enum AngerLevel
{
    Calm,
    Annoyed,
    Angry,
    Furious,
}

/// <param name="Score">-1 (very negative) … 1 (very positive).</param>
public sealed record SentimentReading(double Score, AngerLevel Anger, double Confidence, IReadOnlyList<Cue> Cues);

/// <summary>A rule that matched: the words that counted and those that were denied.</summary>
public sealed record RuleHit(int RuleId, string Name, int Priority, IReadOnlyList<string> Keywords, IReadOnlyList<string> Negated, bool Applied)
{
    public bool Fired => Keywords.Count > 0;
}

/// <summary>A rule marked "apply" that fired: its grade and flags go on the case, on the record (Case.ApplyTriage).</summary>
public sealed record AppliedRule(int RuleId, string Name, int? MaxGrade, CaseFlags Flags, IReadOnlyList<string> Keywords);

/// <summary>
/// Everything triage suggests for one case (R-CL-3): a category, a grade, flags, the customer's sentiment, each
/// with a confidence and its reasons, and the rules that applied themselves. Other detectors (repeat, group)
/// add their flags with <see cref="WithFlag"/>.
/// </summary>
public sealed record TriageSuggestion(
    CategorySuggestion? Category,
    IReadOnlyList<CategorySuggestion> Alternatives,
    GradeSuggestion? Grade,
    IReadOnlyList<FlagSuggestion> Flags,
    SentimentReading Sentiment,
    IReadOnlyList<RuleHit> Rules,
    IReadOnlyList<AppliedRule> Applied)
{
    public CaseFlags SuggestedFlags => Flags.Aggregate(CaseFlags.None, (all, f) => all | f.Flag);

    /// <summary>Adds a detector's flag; an earlier suggestion of the same flag from the same source is replaced.</summary>
    public TriageSuggestion WithFlag(FlagSuggestion flag) =>
        this with { Flags = [.. Flags.Where(f => f.Flag != flag.Flag || f.Source != flag.Source), flag] };

    /// <summary>A rule's strength from the number of its distinct words found: 1 → 0.6, 2 → 0.84, 3 → 0.94.</summary>
    public static double Strength(int hits) => hits <= 0 ? 0 : Math.Round(1 - Math.Pow(0.4, hits), 3);
}
