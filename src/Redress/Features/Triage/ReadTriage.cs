using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.Features.Triage;

public sealed record TriageDecisionItem(DateTime At, string ActorName, bool Accepted, int? CategoryId, int Grade, IReadOnlyList<string> Flags);

/// <summary>A case's suggestion as its page shows it, with whether the reader may answer it and the last answer.</summary>
public sealed record TriageView(long CaseId, int CaseVersion, DateTime SuggestedAt, TriageSuggestion Suggestion, bool CanDecide, TriageDecisionItem? LastDecision);

/// <summary>The suggestion stored with a case, behind the same scope check as every read of the case (R-SEC-1).</summary>
public sealed class ReadTriage(IDbContextFactory<RedressDb> dbs)
{
    public async Task<Result<TriageView>> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
        var stored = await db.CaseTriage.AsNoTracking().FirstOrDefaultAsync(t => t.CaseId == id, ct);
        // Cases registered before triage existed have none.
        if (stored is null) return Error.NotFound("Triage suggestion");
        var last = await db.TriageDecisions.AsNoTracking().Where(d => d.CaseId == id).OrderByDescending(d => d.Id)
            .Select(d => new { d.At, d.ActorName, d.Accepted, d.ChosenCategoryId, d.ChosenGrade, d.ChosenFlags }).FirstOrDefaultAsync(ct);
        var canDecide = kase.AvailableActions(actor).Contains(CaseAction.Classify);
        return new TriageView(id, kase.Version, stored.SuggestedAt, stored.Read(), canDecide,
            last is null ? null : new TriageDecisionItem(last.At, last.ActorName, last.Accepted, last.ChosenCategoryId, last.ChosenGrade, Cases.CaseDetails.FlagNames(last.ChosenFlags)));
    }
}
