using System.Globalization;
using Redress.Domain.Cases;

namespace Redress.Domain.Triage;

/// <summary>The learned classifier's guess for a category, already resolved to a category of the taxonomy.</summary>
/// <param name="Features">The n-grams that weighed most towards this category, strongest first: the reason to show.</param>
public sealed record LearnedCategory(int CategoryId, double Probability, IReadOnlyList<string>? Features = null);

/// <summary>
/// Turns what the rules found, the learned classifier's guesses and the sentiment into one suggestion.
/// Category: a rule that is certain (several of its words, no rival of its priority) wins; where no rule
/// decides, the learned guess does when it is confident enough; otherwise the best weak rule is offered.
/// Grade: the most severe "at most N" of the rules that fired. Flags: each flag of the rules that fired,
/// and urgent for a furious customer.
/// </summary>
public static class TriageSuggester
{
    /// <summary>A rule category this confident decides, whatever the model says.</summary>
    public const double RuleCertainty = 0.75;
    /// <summary>Below this, a learned guess only appears among the alternatives.</summary>
    public const double LearnedMinimum = 0.5;

    /// <param name="parentOf">The taxonomy: a sub-category's parent, null for a top category.</param>
    public static TriageSuggestion Suggest(TriageText text, RuleBook rules, IReadOnlyList<LearnedCategory> learned, Func<int, int?> parentOf)
    {
        var matches = rules.Match(text);
        var fired = matches.Where(m => m.Fired).ToList();
        var sentiment = Sentiment.Read(text);
        var (category, alternatives) = ChooseCategory(RuleCandidates(fired, parentOf), learned, parentOf);
        return new TriageSuggestion(
            category, alternatives, ChooseGrade(fired), ChooseFlags(fired, sentiment), sentiment,
            [.. matches.Select(m => new RuleHit(m.Rule.Id, m.Rule.Name, m.Rule.Priority, m.Keywords, m.Negated, m.Fired && m.Rule.Apply))],
            [.. fired.Where(m => m.Rule.Apply && (m.Rule.MaxGrade is not null || m.Rule.Flags != CaseFlags.None))
                .Select(m => new AppliedRule(m.Rule.Id, m.Rule.Name, m.Rule.MaxGrade, m.Rule.Flags, m.Keywords))]);
    }

    private sealed record Candidate(int Top, int CategoryId, int Priority, int Hits, string Rule, List<Cue> Cues);

    /// <summary>One candidate per top category: its rules' words add up, and the sub-category with most of them is named.</summary>
    private static List<Candidate> RuleCandidates(List<RuleMatch> fired, Func<int, int?> parentOf) =>
    [
        .. fired.Where(m => m.Rule.CategoryId is not null)
            .GroupBy(m => parentOf(m.Rule.CategoryId!.Value) ?? m.Rule.CategoryId!.Value)
            .Select(g =>
            {
                var strongest = g.OrderByDescending(m => m.Rule.Priority).ThenByDescending(m => m.Keywords.Count).First();
                // Within the top category too, a higher rule names the sub-category: 起火 makes a leak a safety hazard.
                var specific = g.GroupBy(m => m.Rule.CategoryId!.Value)
                    .OrderByDescending(c => c.Max(m => m.Rule.Priority)).ThenByDescending(c => c.Sum(m => m.Keywords.Count))
                    .ThenBy(c => c.Key == g.Key ? 1 : 0).First().Key;
                var cues = g.SelectMany(m => m.Keywords.Select(k => new Cue(m.Rule.Kind == MatchKind.Pattern ? CueKind.Pattern : CueKind.Keyword, k))).Distinct().ToList();
                return new Candidate(g.Key, specific, g.Max(m => m.Rule.Priority), cues.Count, strongest.Rule.Name, cues);
            })
            .OrderByDescending(c => c.Priority).ThenByDescending(c => c.Hits),
    ];

    private static (CategorySuggestion?, IReadOnlyList<CategorySuggestion>) ChooseCategory(List<Candidate> candidates, IReadOnlyList<LearnedCategory> learned, Func<int, int?> parentOf)
    {
        var ruled = candidates.Select((c, i) =>
        {
            // Only a rival of the same priority weakens a rule: a higher rule has already overruled the lower ones.
            var rival = candidates.Where((o, j) => j != i && o.Priority == c.Priority).Select(o => o.Hits).DefaultIfEmpty(0).Max();
            var confidence = TriageSuggestion.Strength(c.Hits) * c.Hits / (c.Hits + rival);
            return new CategorySuggestion(c.CategoryId, Math.Round(confidence, 3), SuggestionSource.Rule, c.Rule, c.Cues);
        }).ToList();
        var model = learned.OrderByDescending(l => l.Probability).FirstOrDefault() is { } best
            ? new CategorySuggestion(best.CategoryId, Math.Round(best.Probability, 3), SuggestionSource.Learned, null,
                [new Cue(CueKind.Learned, best.Probability.ToString("0.00", CultureInfo.InvariantCulture)),
                    .. (best.Features ?? []).Select(f => new Cue(CueKind.LearnedFeature, f))])
            : null;
        var rule = ruled.FirstOrDefault();
        if (rule is { Confidence: >= RuleCertainty }) return (rule, Others(rule, [.. ruled.Skip(1), model]));
        if (model is { Confidence: >= LearnedMinimum })
        {
            // The model and a weak rule agree on the top category: both are reasons, and together they are surer.
            // The rule's sub-category is kept when the model named only its top category.
            if (rule is not null && Top(rule.CategoryId, parentOf) == Top(model.CategoryId, parentOf))
            {
                var both = model with
                {
                    CategoryId = model.CategoryId == Top(rule.CategoryId, parentOf) ? rule.CategoryId : model.CategoryId,
                    Confidence = Math.Round(1 - (1 - rule.Confidence) * (1 - model.Confidence), 3),
                    Rule = rule.Rule,
                    Cues = [.. rule.Cues, .. model.Cues],
                };
                return (both, Others(both, ruled.Skip(1)));
            }
            return (model, Others(model, ruled));
        }
        return rule is null ? (null, Others(null, [model])) : (rule, Others(rule, [.. ruled.Skip(1), model]));
    }

    private static int Top(int category, Func<int, int?> parentOf) => parentOf(category) ?? category;

    private static List<CategorySuggestion> Others(CategorySuggestion? chosen, IEnumerable<CategorySuggestion?> rest) =>
        [.. rest.OfType<CategorySuggestion>().Where(c => c.CategoryId != chosen?.CategoryId).OrderByDescending(c => c.Confidence).Take(3)];

    private static GradeSuggestion? ChooseGrade(List<RuleMatch> fired)
    {
        var graded = fired.Where(m => m.Rule.MaxGrade is not null).ToList();
        if (graded.Count == 0) return null;
        var grade = graded.Min(m => m.Rule.MaxGrade!.Value);
        var deciding = graded.Where(m => m.Rule.MaxGrade == grade).OrderByDescending(m => m.Rule.Priority).ThenByDescending(m => m.Keywords.Count).ToList();
        return new GradeSuggestion(grade, TriageSuggestion.Strength(deciding.Max(m => m.Keywords.Count)), deciding[0].Rule.Name,
            CuesOf(deciding), deciding.Any(m => m.Rule.Apply));
    }

    private static List<FlagSuggestion> ChooseFlags(List<RuleMatch> fired, SentimentReading sentiment)
    {
        var flags = new List<FlagSuggestion>();
        foreach (var flag in new[] { CaseFlags.Urgent, CaseFlags.Escalated, CaseFlags.SuspectedMalicious })
        {
            var setting = fired.Where(m => m.Rule.Flags.HasFlag(flag)).OrderByDescending(m => m.Rule.Priority).ThenByDescending(m => m.Keywords.Count).ToList();
            if (setting.Count == 0) continue;
            flags.Add(new FlagSuggestion(flag, TriageSuggestion.Strength(setting.Max(m => m.Keywords.Count)), SuggestionSource.Rule,
                setting[0].Rule.Name, CuesOf(setting), setting.Any(m => m.Rule.Apply)));
        }
        // A furious customer is worth a quick call back, whatever the complaint is about.
        if (sentiment.Anger == AngerLevel.Furious && flags.All(f => f.Flag != CaseFlags.Urgent))
            flags.Add(new FlagSuggestion(CaseFlags.Urgent, 0.5, SuggestionSource.Sentiment, null, sentiment.Cues, false));
        return flags;
    }

    private static List<Cue> CuesOf(IEnumerable<RuleMatch> matches) =>
        [.. matches.SelectMany(m => m.Keywords.Select(k => new Cue(m.Rule.Kind == MatchKind.Pattern ? CueKind.Pattern : CueKind.Keyword, k))).Distinct()];
}
