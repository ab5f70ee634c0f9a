using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Notifications;

/// <summary>Whether the user is told of <paramref name="Event"/> by mail and in the bell.</summary>
public sealed record NotificationChoice(NotificationEvent Event, bool Email, bool InApp);

/// <param name="Event">Required; an unknown name is refused as unreadable (400, naming the field).</param>
public sealed record NotificationChoiceInput([property: Required] NotificationEvent? Event, bool Email, bool InApp);

/// <param name="Events">The events to change; those not listed keep their current choice.</param>
public sealed record NotificationChoicesRequest([property: Required] IReadOnlyList<NotificationChoiceInput> Events);

/// <summary>
/// Each user's choice per event and channel (R-SLA-4), read by <see cref="Notifier"/> when it writes a notice.
/// Without a stored row an event follows <see cref="NotificationDefaults"/>; a saved choice is stored even when it
/// equals the default, so it stays the user's choice if the defaults change.
/// </summary>
public sealed class ChooseNotifications(IDbContextFactory<RedressDb> dbs)
{
    /// <summary>Every event, in the enum's order, with the defaults filled in.</summary>
    public async Task<List<NotificationChoice>> GetAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ReadAsync(db, actor, ct);
    }

    public async Task<Result<List<NotificationChoice>>> SaveAsync(NotificationChoicesRequest request, Actor actor, CancellationToken ct)
    {
        var events = request.Events.Select(e => e.Event).ToList();
        if (events.Any(e => e is null)) return Error.Invalid("event_required", "Each entry names its event.", "events");
        if (events.Any(e => !Enum.IsDefined(e!.Value))) return Error.Invalid("unknown_event", "An event is not one of NotificationEvent.", "events");
        if (events.Distinct().Count() != events.Count) return Error.Invalid("duplicate_event", "Each event may be listed once.", "events");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stored = await db.NotificationPreferences.Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Event, ct);
        foreach (var choice in request.Events)
        {
            var e = choice.Event!.Value;
            if (!stored.TryGetValue(e, out var row))
                db.NotificationPreferences.Add(row = new NotificationPreference { UserId = actor.UserId, Event = e });
            (row.Email, row.InApp) = (choice.Email, choice.InApp);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same user saved from two tabs at once and the other inserted first: the last save wins, as on update.
            return await SaveAsync(request, actor, ct);
        }
        return await ReadAsync(db, actor, ct);
    }

    private static async Task<List<NotificationChoice>> ReadAsync(RedressDb db, Actor actor, CancellationToken ct)
    {
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Event, ct);
        return [.. Enum.GetValues<NotificationEvent>().Select(e => stored.TryGetValue(e, out var p)
            ? new NotificationChoice(e, p.Email, p.InApp)
            : new NotificationChoice(e, NotificationDefaults.For(e).Email, NotificationDefaults.For(e).InApp))];
    }
}
