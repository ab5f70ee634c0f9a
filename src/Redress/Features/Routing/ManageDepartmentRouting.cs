using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Routing;
using Redress.Features.Reference;

namespace Redress.Features.Routing;

public sealed record RoutingPolicyInput([property: Required] RoutingPolicy? Policy);

/// <summary>A person routing may choose, as the administration page shows them.</summary>
public sealed record PoolMember(string UserId, string Name, bool Away, DateTime? AwayUntil, int OpenCases);

/// <summary>A department's policy and its handlers; <paramref name="NextUserId"/> is who round robin picks next.</summary>
public sealed record DepartmentRoutingItem(int DepartmentId, RoutingPolicy Policy, IReadOnlyList<PoolMember> Handlers, string? NextUserId);

/// <summary>Each department's routing policy (R-WF-2): manual, round robin or least open work.</summary>
public sealed class ManageDepartmentRouting(IDbContextFactory<RedressDb> dbs, RoutingSettings settings, ReferenceData reference, TimeProvider clock)
{
    public async Task<List<DepartmentRoutingItem>> ListAsync(CancellationToken ct)
    {
        var refs = await reference.GetAsync(ct);
        var items = new List<DepartmentRoutingItem>();
        foreach (var id in refs.Departments.Keys.Order())
            items.Add((await GetAsync(id, ct)).Value);
        return items;
    }

    public async Task<Result<DepartmentRoutingItem>> GetAsync(int departmentId, CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).Departments.ContainsKey(departmentId)) return Error.NotFound("Department");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.DepartmentRouting.AsNoTracking().FirstOrDefaultAsync(d => d.DepartmentId == departmentId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await HandlerPool.MembersAsync(db, departmentId, countOpen: true, now, ct);
        var ids = members.Select(m => m.UserId).ToList();
        var until = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.AwayUntil, ct);
        var policy = row?.Policy ?? RoutingPolicy.Manual;
        var next = HandlerChoice.Choose(policy, members, new HashSet<string>(), row?.Cursor).Chosen?.UserId;
        return new DepartmentRoutingItem(departmentId, policy,
            [.. members.OrderBy(m => m.UserId, StringComparer.Ordinal).Select(m => new PoolMember(m.UserId, m.Name, m.Away, m.Away ? until[m.UserId] : null, m.OpenCases))],
            next);
    }

    public async Task<Result<DepartmentRoutingItem>> SetPolicyAsync(int departmentId, RoutingPolicyInput input, Actor actor, CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).Departments.ContainsKey(departmentId)) return Error.NotFound("Department");
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var row = await db.DepartmentRouting.FindAsync([departmentId], ct);
            if (row is null) db.DepartmentRouting.Add(row = new DepartmentRouting { DepartmentId = departmentId });
            // The cursor stays: switching back to round robin carries on where it left off.
            (row.Policy, row.UpdatedAt, row.UpdatedBy) = (input.Policy!.Value, clock.GetUtcNow().UtcDateTime, actor.Name);
            await db.SaveChangesAsync(ct);
        }
        settings.Invalidate();
        return await GetAsync(departmentId, ct);
    }
}
