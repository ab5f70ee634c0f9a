using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.Features.Repeats;

/// <param name="Earlier">The other case is the earlier one (this case was linked to it at registration).</param>
/// <param name="CanMerge">A pending duplicate on this (the newer) case, both open, and the reader may close this case.</param>
public sealed record CaseLinkView(
    long Id, CaseLinkKind Kind, LinkReason Reason, double Score, bool Earlier, long OtherCaseId, string OtherNumber, CaseStatus OtherStatus,
    string OtherSubject, int OtherVersion, DateTime CreatedAt, DateTime? DismissedAt, string? DismissedBy, DateTime? MergedAt,
    bool CanMerge, bool CanDismiss);

public sealed record CaseLinksView(long CaseId, int CaseVersion, long? MergedIntoId, string? MergedIntoNumber, IReadOnlyList<CaseLinkView> Links);

/// <summary>A case's links both ways, each to a case the reader may see (R-SEC-1: the others are left out, not shown masked).</summary>
public sealed class ReadCaseLinks(IDbContextFactory<RedressDb> dbs)
{
    public async Task<Result<CaseLinksView>> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.CaseId == id || l.LinkedCaseId == id).OrderByDescending(l => l.Id).Take(100).ToListAsync(ct);
        var otherIds = links.Select(l => l.CaseId == id ? l.LinkedCaseId : l.CaseId).Distinct().ToList();
        var others = (await db.Cases.AsNoTracking().Where(c => otherIds.Contains(c.Id)).ToListAsync(ct))
            .Where(c => c.IsVisibleTo(actor)).ToDictionary(c => c.Id);
        var mayClose = kase.AvailableActions(actor).Contains(CaseAction.Withdraw);
        var mayClassify = kase.AvailableActions(actor).Contains(CaseAction.Classify);
        var views = new List<CaseLinkView>();
        foreach (var l in links)
        {
            var earlier = l.CaseId == id;
            if (!others.TryGetValue(earlier ? l.LinkedCaseId : l.CaseId, out var other)) continue;
            var pending = l.IsPendingDuplicate && earlier && kase.IsOpen && other.IsOpen;
            views.Add(new CaseLinkView(l.Id, l.Kind, l.Reason, l.Score, earlier, other.Id, other.Number, other.Status, other.Subject, other.Version,
                l.CreatedAt, l.DismissedAt, l.DismissedBy, l.MergedAt, pending && mayClose, pending && mayClassify));
        }
        return new CaseLinksView(id, kase.Version, kase.MergedIntoId, kase.MergedIntoNumber, views);
    }
}
