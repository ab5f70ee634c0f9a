using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Routing;
using Redress.Features.Reference;

namespace Redress.Features.Routing;

/// <summary>
/// 分派 at registration (R-WF-2): the lead department by the first matching rule when intake chose none, then a handler
/// by the department's policy, passing over people who are away and anyone the complaint is about. Runs inside the
/// registration's write transaction, before the clocks start (they follow the lead department's calendar).
/// </summary>
public sealed class RouteCase(IDbContextFactory<RedressDb> dbs, RoutingSettings settings)
{
    private const string Lock = """SELECT "Policy", "Cursor" FROM "DepartmentRouting" WHERE "DepartmentId" = @p0""";
    private const string Advance = """UPDATE "DepartmentRouting" SET "Cursor" = @p0 WHERE "DepartmentId" = @p1""";

    /// <summary>What routing needs from outside the write transaction: the rules and policies, and whom the complaint is about.</summary>
    public sealed record Plan(RoutingSettings.Snapshot Settings, Assignee? AboutStaff);

    /// <summary>
    /// Before the write transaction, like the reference data: a cache miss opened inside it would hold one pooled
    /// connection while waiting for another, and a burst of registrations could exhaust the pool. The staff member
    /// intake names is checked here too, before any number is drawn.
    /// </summary>
    public async Task<Result<Plan>> PrepareAsync(string? aboutStaffId, CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        if (string.IsNullOrWhiteSpace(aboutStaffId)) return new Plan(current, null);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == aboutStaffId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return user is null
            ? Error.Invalid("unknown_staff", $"There is no staff member {aboutStaffId}.", "aboutStaffId")
            : new Plan(current, new Assignee(user.Id, user.DisplayName, new HashSet<int>()));
    }

    public async Task RouteAsync(RedressDb db, Case kase, Plan plan, ReferenceData.Snapshot refs, DateTime now, CancellationToken ct)
    {
        var (current, about) = (plan.Settings, plan.AboutStaff);
        RoutingRule? rule = null;
        if (kase.LeadDepartmentId is null)
        {
            var lineage = RouteMatch.Lineage(kase.CategoryId, id => refs.Categories.TryGetValue(id, out var c) ? c.ParentId : null);
            var facts = new RouteFacts(lineage, kase.Product.ProductName, kase.Product.Sku, kase.Channel, kase.Customer.Address);
            rule = current.Book.FirstMatch(facts, d => refs.Departments.TryGetValue(d, out var dept) && dept.Active);
        }
        var department = kase.LeadDepartmentId ?? rule?.DepartmentId;
        var policy = department is { } d0 ? current.PolicyOf(d0) : RoutingPolicy.Manual;
        var pick = new HandlerPick(null, []);
        if (department is { } dept && policy != RoutingPolicy.Manual && kase.AssigneeId is null)
        {
            // The row, locked, is the authority: the cached policy only saves the look-up for manual departments.
            (policy, var cursor) = await LockAsync(db, dept, ct);
            if (policy != RoutingPolicy.Manual)
            {
                var members = await HandlerPool.MembersAsync(db, dept, policy == RoutingPolicy.LeastOpen, now, ct);
                var recused = members.Where(m => m.UserId == about?.UserId || kase.IsAbout(m.UserId, m.Name)).Select(m => m.UserId).ToHashSet();
                pick = HandlerChoice.Choose(policy, members, recused, cursor);
                if (pick.Chosen is { } chosen) await ExecuteAsync(db, Advance, ct, chosen.UserId, dept);
            }
        }
        var routed = kase.Route(new RouteDecision(rule?.Id, rule?.Name, department, policy, pick, about), now);
        if (!routed.IsSuccess) throw new InvalidOperationException($"A new case refused routing: {routed.Error!.Code}");
    }

    /// <summary>FOR UPDATE on PostgreSQL, where registrations run in parallel; SQLite's writers already take turns.</summary>
    private static async Task<(RoutingPolicy, string?)> LockAsync(RedressDb db, int department, CancellationToken ct)
    {
        await using var command = db.Command(db.IsSqlite ? Lock : Lock + " FOR UPDATE").Bind("@p0", department);
        await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (RoutingPolicy.Manual, null);
        return (Enum.Parse<RoutingPolicy>(reader.GetString(0)), await reader.IsDBNullAsync(1, ct) ? null : reader.GetString(1));
    }

    private static async Task ExecuteAsync(RedressDb db, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = db.Command(sql);
        for (var i = 0; i < values.Length; i++) command.Bind("@p" + i, values[i]);
        await command.ExecuteNonQueryAsync(ct);
    }
}
