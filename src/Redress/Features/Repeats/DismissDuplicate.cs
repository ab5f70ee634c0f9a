using Microsoft.EntityFrameworkCore;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.Features.Repeats;

/// <summary>
/// A person decides a suggested duplicate is not one: the suggestion is closed and the decision is on the case's
/// timeline. It changes nothing else on the case, so it may come without If-Match (an append, like a note).
/// </summary>
public sealed class DismissDuplicate(CaseCommands commands)
{
    public Task<Result<CaseDetails>> HandleAsync(long id, long linkId, Actor actor, CancellationToken ct) =>
        commands.RunAsync(id, null, actor, appendOnly: true, async (kase, now, db) =>
        {
            var link = await db.CaseLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.CaseId == id, ct);
            if (link is null) return Error.NotFound("Link");
            if (!link.IsPendingDuplicate) return Error.Conflict("not_a_pending_duplicate", "This link is not a duplicate suggestion waiting for a decision.");
            var other = await db.Cases.AsNoTracking().Where(c => c.Id == link.LinkedCaseId).Select(c => c.Number).FirstAsync(ct);
            if (kase.DismissDuplicate(actor, now, other) is { IsSuccess: false } refused) return refused;
            (link.DismissedAt, link.DismissedBy) = (now, actor.Name);
            return Result.Success;
        }, ct);
}
