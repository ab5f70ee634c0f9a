using Redress.Domain.Triage;
using Redress.Features.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>The default rules over a small copy of the default taxonomy (R-CL-1), with its codes as ids.</summary>
internal static class TestTriage
{
    private static readonly (string Code, string? Parent)[] Taxonomy =
    [
        ("QUALITY", null), ("Q-DEFECT", "QUALITY"), ("Q-DAMAGE", "QUALITY"), ("Q-SAFETY", "QUALITY"), ("Q-FOOD", "QUALITY"),
        ("SERVICE", null), ("S-RUDE", "SERVICE"), ("S-NORESPONSE", "SERVICE"),
        ("AFTERSALES", null), ("A-REPAIR", "AFTERSALES"), ("A-RETURN", "AFTERSALES"), ("A-WARRANTY", "AFTERSALES"),
        ("LOGISTICS", null), ("L-LATE", "LOGISTICS"), ("L-LOST", "LOGISTICS"), ("L-WRONG", "LOGISTICS"),
        ("BILLING", null), ("B-OVERCHARGE", "BILLING"), ("B-REFUND", "BILLING"), ("B-PROMO", "BILLING"),
        ("CONTRACT", null), ("OTHER", null), ("O-PRIVACY", "OTHER"), ("O-ADVERT", "OTHER"),
    ];

    public static readonly IReadOnlyDictionary<string, int> Ids = Taxonomy.Select((c, i) => (c.Code, Id: i + 1)).ToDictionary(c => c.Code, c => c.Id);

    private static readonly Dictionary<int, int?> Parents = Taxonomy.ToDictionary(c => Ids[c.Code], c => c.Parent is null ? (int?)null : Ids[c.Parent]);

    public static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    public static readonly RuleBook Defaults = RuleBook.Compile(DefaultTriageRules.Rules(Ids, Now));

    public static int? ParentOf(int id) => Parents.GetValueOrDefault(id);

    public static TriageSuggestion Suggest(string text, params LearnedCategory[] learned) => Suggest(Defaults, text, learned);

    public static TriageSuggestion Suggest(RuleBook book, string text, params LearnedCategory[] learned) =>
        TriageSuggester.Suggest(TriageText.Of(text), book, learned, ParentOf);

    public static TriageRule Rule(string terms, MatchKind kind = MatchKind.Words, TriageLanguage language = TriageLanguage.Any,
        string? category = null, int? maxGrade = null, Domain.Cases.CaseFlags flags = Domain.Cases.CaseFlags.None, int priority = 10, bool apply = false, string name = "test rule") =>
        TriageRule.Create(new TriageRuleSpec(name, language, kind, terms, category is null ? null : Ids[category], maxGrade, flags, priority, apply, true), "test", Now).Value;

    public static string? CategoryCode(TriageSuggestion s) => s.Category is { } c ? Ids.Single(kv => kv.Value == c.CategoryId).Key : null;
}
