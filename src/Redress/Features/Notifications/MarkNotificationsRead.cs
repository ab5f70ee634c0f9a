using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Notifications;

/// <summary>
/// Marks the signed-in user's notifications read: one, or all unread at once. Both are single UPDATE statements
/// (read-all may touch thousands of rows), run in a write transaction so that on SQLite they queue at the
/// writer gate like every other write. Reading one twice keeps the first time it was read.
/// </summary>
public sealed class MarkNotificationsRead(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public async Task<Result> OneAsync(long id, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var mine = db.Notifications.Where(n => n.Id == id && n.UserId == actor.UserId);
        var marked = await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        // Another user's notification answers as if it did not exist.
        if (marked == 0 && !await mine.AnyAsync(ct)) return Error.NotFound("Notification");
        await tx.CommitAsync(ct);
        return Result.Success;
    }

    /// <returns>How many were marked.</returns>
    public async Task<int> AllAsync(Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var marked = await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        await tx.CommitAsync(ct);
        return marked;
    }
}
