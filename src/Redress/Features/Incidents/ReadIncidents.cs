using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.Features.Incidents;

/// <summary>
/// Incidents for staff. An incident spans departments, so every staff member reads it; the cases listed on it are
/// those the reader may see (R-SEC-1), and its counts are of all of them.
/// </summary>
public sealed class ReadIncidents(IDbContextFactory<RedressDb> dbs)
{
    public const int PageSize = 200;

    /// <summary>Running incidents first, newest first; at most <see cref="PageSize"/>.</summary>
    public async Task<Result<List<IncidentSummary>>> ListAsync(Actor actor, IncidentStatus? status, CancellationToken ct)
    {
        if (actor.Is(Role.Customer)) return Error.Forbidden("role_not_allowed", "Incidents are for staff.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var incidents = db.Incidents.AsNoTracking();
        if (status is { } s) incidents = incidents.Where(i => i.Status == s);
        return await incidents.OrderBy(i => i.ClosedAt != null).ThenByDescending(i => i.OpenedAt).ThenByDescending(i => i.Id).Take(PageSize)
            .Select(i => new IncidentSummary(i.Id, i.Label, i.KeyKind, i.Status, i.OwnerName, i.OpenedAt, i.UpdatedAt,
                db.IncidentCases.Count(c => c.IncidentId == i.Id),
                db.IncidentCases.Where(c => c.IncidentId == i.Id).Select(c => c.CustomerKey).Distinct().Count()))
            .ToListAsync(ct);
    }

    public async Task<Result<IncidentDetails>> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        if (actor.Is(Role.Customer)) return Error.NotFound("Incident");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return incident is null ? Error.NotFound("Incident") : await DetailsAsync(db, incident, actor, ct);
    }

    /// <summary>The incident a case belongs to, or 404 when it belongs to none (or the case is not the reader's to see).</summary>
    public async Task<Result<CaseIncident>> ForCaseAsync(long caseId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().Include(c => c.AssistingDepartments).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
        var found = await db.IncidentCases.AsNoTracking().Where(c => c.CaseId == caseId)
            .Join(db.Incidents, c => c.IncidentId, i => i.Id, (_, i) => new CaseIncident(i.Id, i.Label, i.Status)).FirstOrDefaultAsync(ct);
        return found is null ? Error.NotFound("Incident") : found;
    }

    internal static async Task<IncidentDetails> DetailsAsync(RedressDb db, Incident i, Actor actor, CancellationToken ct)
    {
        var links = db.IncidentCases.AsNoTracking().Where(c => c.IncidentId == i.Id);
        var cases = links.Join(db.Cases, l => l.CaseId, c => c.Id, (l, c) => new { l.JoinedAt, Case = c });
        if (actor.IsDepartmentScoped)
        {
            var depts = actor.DepartmentIds.ToList();
            cases = cases.Where(x => (x.Case.LeadDepartmentId != null && depts.Contains(x.Case.LeadDepartmentId.Value))
                || x.Case.AssistingDepartments.Any(a => depts.Contains(a.DepartmentId)));
        }
        var rows = await cases.OrderBy(x => x.Case.Id)
            .Select(x => new IncidentCaseRow(x.Case.Id, x.Case.Number, x.Case.Subject, x.Case.Status, x.Case.Grade, x.Case.CreatedAt, x.JoinedAt))
            .ToListAsync(ct);
        var caseCount = await links.CountAsync(ct);
        var customers = await links.Select(c => c.CustomerKey).Distinct().CountAsync(ct);
        var updates = await db.IncidentUpdates.AsNoTracking().Where(u => u.IncidentId == i.Id).OrderBy(u => u.Id)
            .Select(u => new IncidentUpdateItem(u.Id, u.At, u.Event, u.ActorName, u.FromStatus, u.ToStatus, u.Text)).ToListAsync(ct);
        return new IncidentDetails(i.Id, i.Label, i.KeyKind, i.GroupKey, i.Status, i.Version, i.OwnerId, i.OwnerName, i.Summary,
            i.OpenedAt, i.ContainedAt, i.ResolvedAt, i.ClosedAt, i.UpdatedAt, caseCount, customers, rows, updates,
            Incident.CheckManager(actor) is null);
    }
}
