using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Cases;

/// <summary>A grade 1-2 case whose solution plan (R-WF-4) waits for an executive, with the plan to decide on.</summary>
/// <param name="Version">The case's version the decision is made on: a plan changed meanwhile is refused as stale.</param>
public sealed record PendingApproval(
    long Id, string Number, int Version, string Subject, int Grade, int? LeadDepartmentId, DateTime DueAt,
    string Measures, decimal? CompensationAmount, string? Currency, string ResponsiblePerson, DateTime? Deadline,
    string ProposedBy, DateTime ProposedAt);

public sealed record PendingApprovalPage(IReadOnlyList<PendingApproval> Items, string? NextCursor);

/// <summary>
/// The executives' approvals inbox: the "approval" queue (the same query as the queue page and GET /cases),
/// paged by the case list, with each case's plan read in one more query for the page's cases.
/// </summary>
public sealed class ListPendingApprovals(IDbContextFactory<RedressDb> dbs, ListCases list, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<Result<PendingApprovalPage>> HandleAsync(Actor actor, string? cursor, CancellationToken ct)
    {
        var queue = Queues.For(actor, clock.GetUtcNow().UtcDateTime).Single(q => q.Key == "approval").Query;
        var page = await list.HandleAsync(queue with { Limit = PageSize, Cursor = cursor }, actor, ct);
        if (!page.IsSuccess) return page.Error!;
        var ids = page.Value.Items.Select(c => c.Id).ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The plan and the version come from the same read, so the decision is checked against the plan shown;
        // a case decided since the list was read has left the queue and is left out.
        // A case without a plan (data loaded around the domain, like the benchmark's seeded cases) has nothing to decide.
        var plans = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == CaseStatus.SolutionProposed && c.Solution != null)
            .Select(c => new { c.Id, c.Version, Plan = c.Solution! })
            .ToDictionaryAsync(c => c.Id, ct);
        return new PendingApprovalPage(
            [.. page.Value.Items.Where(c => plans.ContainsKey(c.Id)).Select(c => From(c, plans[c.Id].Version, plans[c.Id].Plan))],
            page.Value.NextCursor);
    }

    private static PendingApproval From(CaseSummary c, int version, SolutionPlan plan) => new(
        c.Id, c.Number, version, c.Subject, c.Grade, c.LeadDepartmentId, c.DueAt,
        plan.Measures, plan.CompensationAmount, plan.Currency, plan.ResponsiblePerson, plan.Deadline, plan.ProposedBy, plan.ProposedAt);
}
