using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Reference;

namespace Redress.Features.Triage;

public sealed record AcceptTriageRequest([property: StringLength(2_000)] string? Reason);

/// <summary>The classification the person chose instead of the suggestion.</summary>
public sealed record CorrectTriageRequest(
    int? CategoryId,
    [property: Required, Range(1, 4)] int? Grade,
    [property: MaxLength(5)] List<CaseFlags>? Flags,
    [property: StringLength(2_000)] string? Reason);

/// <summary>
/// A person accepts or corrects a case's suggestion (R-CL-3). Either way it is a classification by the case's
/// own rules (<see cref="Case.DecideTriage"/>, through <see cref="CaseCommands"/>: scope, If-Match, timeline,
/// clocks), and the answer is kept as training data in the same transaction.
/// </summary>
public sealed class DecideTriage(CaseCommands commands, ReferenceData reference)
{
    private delegate (int? CategoryId, int Grade, CaseFlags Flags) Choice(Case kase, TriageSuggestion suggestion);

    public Task<Result<CaseDetails>> AcceptAsync(long id, int? ifMatch, AcceptTriageRequest r, Actor actor, CancellationToken ct) =>
        DecideAsync(id, ifMatch, actor, accepted: true, (kase, s) => kase.AcceptedClassification(s), r.Reason, ct);

    public async Task<Result<CaseDetails>> CorrectAsync(long id, int? ifMatch, CorrectTriageRequest r, Actor actor, CancellationToken ct)
    {
        if (r.CategoryId is { } cat && (!(await reference.GetAsync(ct)).Categories.TryGetValue(cat, out var category) || !category.Active))
            return Error.Invalid("unknown_category", $"There is no active category {cat}.", "categoryId");
        return await DecideAsync(id, ifMatch, actor, accepted: false, (_, _) => (r.CategoryId, r.Grade!.Value, r.Flags.ToFlags()), r.Reason, ct);
    }

    private Task<Result<CaseDetails>> DecideAsync(long id, int? ifMatch, Actor actor, bool accepted, Choice choose, string? reason, CancellationToken ct) =>
        commands.RunAsync(id, ifMatch, actor, appendOnly: false, async (kase, now, db) =>
        {
            var stored = await db.CaseTriage.FirstOrDefaultAsync(t => t.CaseId == kase.Id, ct);
            if (stored is null) return Error.NotFound("Triage suggestion");
            var suggestion = stored.Read();
            var (category, grade, flags) = choose(kase, suggestion);
            var decided = kase.DecideTriage(actor, now, category, grade, flags, reason);
            if (!decided.IsSuccess) return decided;
            db.TriageDecisions.Add(new TriageDecision
            {
                CaseId = kase.Id, At = now, ActorId = actor.UserId, ActorName = actor.Name, Accepted = accepted,
                Text = kase.Subject + "\n" + kase.Description,
                SuggestedCategoryId = suggestion.Category?.CategoryId, SuggestedBy = suggestion.Category?.Source,
                SuggestedGrade = suggestion.Grade?.Grade, SuggestedFlags = suggestion.SuggestedFlags,
                ChosenCategoryId = category, ChosenGrade = grade, ChosenFlags = flags,
                Sentiment = suggestion.Sentiment.Score, Anger = suggestion.Sentiment.Anger,
            });
            (stored.DecidedAt, stored.DecidedBy, stored.Accepted) = (now, actor.Name, accepted);
            return Result.Success;
        }, ct);
}
