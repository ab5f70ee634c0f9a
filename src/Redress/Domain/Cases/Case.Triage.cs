using Redress.Domain.Triage;

namespace Redress.Domain.Cases;

// R-CL-3: triage only suggests, except where an administrator's rule says "apply"; then the grade and flags it
// sets go on the case here, on the record, naming the rule. A person's answer to a suggestion is a classification.
public sealed partial class Case
{
    /// <summary>
    /// At registration: the grade becomes the most severe "at most N" of the rules (never less severe than the
    /// intake chose) and their flags are added, in one timeline entry by the system naming the rules. Nothing
    /// changes, and nothing is recorded, when the case has all of it already. The category stays a suggestion.
    /// </summary>
    public Result ApplyTriage(IReadOnlyList<AppliedRule> rules, DateTime now)
    {
        if (rules.Count == 0) return Result.Success;
        if (Status != CaseStatus.Received)
            return Error.Conflict("triage_after_registration", "Triage rules apply themselves only when a case is registered.");
        var grade = Math.Min(Grade, rules.Select(r => r.MaxGrade ?? Grade).Min());
        var flags = rules.Aggregate(Flags, (all, r) => all | r.Flags);
        if (grade == Grade && flags == Flags) return Result.Success;
        var changes = new Dictionary<string, object?>
        {
            ["rules"] = rules.Select(r => new { id = r.RuleId, name = r.Name, keywords = r.Keywords }).ToList(),
        };
        // The due date follows from the clocks, which start after this by the grade set here.
        if (grade != Grade) changes["grade"] = new { from = Grade, to = grade };
        if (flags != Flags) changes["flags"] = new { from = Flags.ToString(), to = flags.ToString() };
        (Grade, Flags) = (grade, flags);
        Record(TimelineEvent.TriageApplied, Actor.System, now, text: string.Join("; ", rules.Select(r => r.Name)), changes: changes);
        return Result.Success;
    }

    /// <summary>Accepting a suggestion: its category (or the case's), the more severe grade, the case's flags and its.</summary>
    public (int? CategoryId, int Grade, CaseFlags Flags) AcceptedClassification(TriageSuggestion suggestion) =>
        (suggestion.Category?.CategoryId ?? CategoryId, Math.Min(Grade, suggestion.Grade?.Grade ?? Grade), Flags | suggestion.SuggestedFlags);

    /// <summary>
    /// A person's answer to the suggestion: the classification they chose, by the rules of <see cref="Classify"/>.
    /// Confirming what the case has already is allowed and changes nothing: the answer still counts (training data).
    /// </summary>
    public Result DecideTriage(Actor actor, DateTime now, int? categoryId, int grade, CaseFlags flags, string? reason)
    {
        if (Lifecycle.Check(CaseAction.Classify, Status, actor) is { } error) return error;
        if (categoryId == CategoryId && grade == Grade && flags == Flags) return Result.Success;
        return Classify(actor, now, categoryId, grade, flags, reason);
    }
}
