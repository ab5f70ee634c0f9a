using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Routing;

namespace Redress.Features.Routing;

/// <summary>
/// The active routing rules and the departments' policies, read by every registration and changed rarely: held in
/// memory like the triage rules, loaded again after an administrator's change here or within <see cref="MaxAge"/>
/// when it came through another instance. With no rules and every department manual, routing costs no query.
/// </summary>
public sealed class RoutingSettings(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private Snapshot? _current;

    public sealed record Snapshot(RouteBook Book, IReadOnlyDictionary<int, RoutingPolicy> Policies, DateTimeOffset LoadedAt)
    {
        public RoutingPolicy PolicyOf(int departmentId) => Policies.GetValueOrDefault(departmentId, RoutingPolicy.Manual);
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } current && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.Active).ToListAsync(ct);
        var policies = await db.DepartmentRouting.AsNoTracking().ToDictionaryAsync(d => d.DepartmentId, d => d.Policy, ct);
        return _current = new Snapshot(RouteBook.Compile(rules), policies, clock.GetUtcNow());
    }

    public void Invalidate() => _current = null;
}
