using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Notifications;

/// <summary>Query string of GET /notifications.</summary>
/// <param name="Unread">Only those not read yet.</param>
/// <param name="Before">The <c>nextBefore</c> of the previous page: notifications older than this id.</param>
/// <param name="Limit">1 to 100, 20 by default.</param>
public sealed record NotificationQuery([FromQuery] bool? Unread, [FromQuery] long? Before, [FromQuery] int? Limit);

/// <param name="Title">Rendered in the reader's language, e.g. "20261123-T-0001: report to supervisor due soon".</param>
/// <param name="Detail">What the event is about beyond the case: the SLA target's name, for clock events.</param>
public sealed record NotificationItem(long Id, NotificationEvent Event, string Title, long? CaseId, string? CaseNumber, string? Detail,
    DateTime CreatedAt, DateTime? ReadAt);

/// <param name="NextBefore">Pass back as <c>before</c> for the next (older) page; null on the last page.</param>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, long? NextBefore);

/// <param name="Count">Unread notifications, counted up to <see cref="ListNotifications.CountCap"/> (the bell shows "99+").</param>
public sealed record UnreadCount(int Count);

/// <summary>
/// The signed-in user's in-app notifications (the bell), newest first in keyset pages on the (UserId, Id) index.
/// Nobody reads another user's: every query is by the actor's id.
/// </summary>
public sealed class ListNotifications(IDbContextFactory<RedressDb> dbs, Notifier notifier)
{
    /// <summary>Counts stop here: the badge shows "99+", and a user who never reads should not cost a growing count every 30 s.</summary>
    public const int CountCap = 100;

    public async Task<Result<NotificationPage>> HandleAsync(NotificationQuery q, Actor actor, CancellationToken ct)
    {
        var limit = q.Limit ?? 20;
        if (limit is < 1 or > 100) return Error.Invalid("limit_out_of_range", "limit is 1 to 100.", "limit");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        // The conditions are added only when asked for: "@p IS NULL OR ..." would hide the index.
        if (q.Before is { } before) mine = mine.Where(n => n.Id < before);
        // Unread pages walk the (UserId, Id) index past the read ones: cheap while a user's notifications number in
        // the thousands. Nothing deletes old notifications yet; with retention it stays so.
        if (q.Unread is true) mine = mine.Where(n => n.ReadAt == null);
        var rows = await mine.OrderByDescending(n => n.Id).Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        return new NotificationPage([.. rows.Select(n => new NotificationItem(n.Id, n.Event, notifier.Title(n.Event, n.CaseNumber, n.Detail),
            n.CaseId, n.CaseNumber, n.Detail, n.CreatedAt, n.ReadAt))], more ? rows[^1].Id : null);
    }

    /// <summary>An index-only count on the (UserId, CreatedAt) WHERE ReadAt IS NULL index.</summary>
    public async Task<UnreadCount> CountUnreadAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return new UnreadCount(await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null).Take(CountCap).CountAsync(ct));
    }
}
