using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;

namespace Redress.Features.Analytics;

/// <summary>
/// Computes the overview of every reader scope in use (everything, and each set of departments a reading lead
/// has) once after start, so that no reader's first visit after a restart waits for it: at 1,000,000 cases a
/// computation takes over a second. Afterwards visits keep the figures fresh (<see cref="OverviewCache"/>).
/// </summary>
public sealed partial class WarmOverviews(IDbContextFactory<RedressDb> dbs, OverviewCache cache, AnalyticsOptions options, ILogger<WarmOverviews> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.OverviewMaxAge <= TimeSpan.Zero) return;
        try
        {
            foreach (var reader in await ReadersAsync(stoppingToken)) await cache.GetAsync(reader, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only the first visits are slower; the cache computes on demand as before.
            LogFailed(ex);
        }
    }

    /// <summary>One reader per distinct scope among the users with a role that reads the overview.</summary>
    public async Task<IReadOnlyList<Actor>> ReadersAsync(CancellationToken ct)
    {
        var roles = ComputeOverview.Readers.Select(r => r.ToString()).ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var users = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where roles.Contains(r.Name!)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var ids = users.Select(u => u.UserId).Distinct().ToList();
        var departments = (await db.UserDepartments.Where(d => ids.Contains(d.UserId)).ToListAsync(ct))
            .ToLookup(d => d.UserId, d => d.DepartmentId);
        return users.GroupBy(u => u.UserId)
            .Select(g => new Actor(g.Key, "overview", g.Select(u => Enum.Parse<Role>(u.Name!)).ToHashSet(), departments[g.Key].ToHashSet()))
            .DistinctBy(OverviewCache.ScopeOf)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing the overviews after start failed; first visits compute them.")]
    private partial void LogFailed(Exception ex);
}
