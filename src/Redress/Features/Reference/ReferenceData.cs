using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Organisation;

namespace Redress.Features.Reference;

/// <summary>
/// Departments and categories, read on almost every request and changed rarely: held in memory and
/// reloaded after an administrator's change here, or within <see cref="MaxAge"/> when the change came
/// through another instance.
/// </summary>
public sealed class ReferenceData(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyDictionary<int, Department> Departments,
        IReadOnlyDictionary<int, Category> Categories,
        DateTimeOffset LoadedAt)
    {
        /// <summary>Active categories as a picker lists them: each top category followed by its sub-categories.</summary>
        public IEnumerable<Category> ActiveCategoriesInTreeOrder()
        {
            Category TopOf(Category c) => c.ParentId is { } p && Categories.TryGetValue(p, out var parent) ? parent : c;
            return Categories.Values.Where(c => c.Active)
                .OrderBy(c => TopOf(c).SortOrder).ThenBy(c => TopOf(c).Id)
                .ThenBy(c => c.ParentId is null ? 0 : 1).ThenBy(c => c.SortOrder).ThenBy(c => c.Id);
        }
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        return _snapshot = new Snapshot(departments, categories, clock.GetUtcNow());
    }

    public void Invalidate() => _snapshot = null;
}
