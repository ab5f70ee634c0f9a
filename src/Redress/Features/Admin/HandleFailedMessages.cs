using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Notifications;

namespace Redress.Features.Admin;

public sealed record OutboxIdsInput([property: Required, MinLength(1), MaxLength(100)] List<long> Ids);

/// <summary>
/// What an administrator does with failed messages, all of the listed ones or none, each recorded on the message
/// with who and when: retry now (after fixing the cause: the mail server is back, the gateway's URL corrected), or
/// discard (the notice is stale, or the address will never work). A retried message starts its attempts afresh.
/// </summary>
public sealed class HandleFailedMessages(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public Task<Result<List<OutboxItem>>> RetryAsync(OutboxIdsInput input, Actor actor, CancellationToken ct) =>
        ChangeAsync(input, m => m.DiscardedAt is not null
            ? Error.Conflict("discarded", $"Message {m.Id} was discarded by {m.DiscardedBy}; it is not sent again.")
            : m.FailedAt is null && m.LastError is null
                ? Error.Conflict("not_failed", $"Message {m.Id} has not failed; it goes out on its own.")
                : null,
            (m, now) =>
            {
                // Attempts start again, so a retried message has the whole back-off ahead of it, as a new one would.
                (m.FailedAt, m.Attempts, m.NextAttemptAt) = (null, 0, now);
                (m.RequeuedAt, m.RequeuedBy) = (now, actor.Name);
            }, ct);

    public Task<Result<List<OutboxItem>>> DiscardAsync(OutboxIdsInput input, Actor actor, CancellationToken ct) =>
        ChangeAsync(input, m => null, (m, now) =>
        {
            if (m.DiscardedAt is not null) return;
            // Given up as well, so the dispatcher, which skips given-up messages, never picks it up again.
            m.FailedAt ??= now;
            (m.DiscardedAt, m.DiscardedBy) = (now, actor.Name);
        }, ct);

    private async Task<Result<List<OutboxItem>>> ChangeAsync(OutboxIdsInput input,
        Func<OutboxMessage, Error?> refuse, Action<OutboxMessage, DateTime> change, CancellationToken ct)
    {
        var ids = input.Ids.Distinct().ToArray();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        // Locked on PostgreSQL, so a dispatcher's claim (SKIP LOCKED) passes them by until this is done.
        var messages = db.IsSqlite
            ? await db.Outbox.Where(m => ids.Contains(m.Id)).ToListAsync(ct)
            : await db.Outbox.FromSql($"""SELECT * FROM "Outbox" WHERE "Id" = ANY({ids}) FOR UPDATE""").ToListAsync(ct);
        if (ids.Except(messages.Select(m => m.Id)).FirstOrDefault() is var missing and not 0)
            return new Error("not_found", $"Outbox message {missing} was not found.", ErrorKind.NotFound);
        foreach (var m in messages.OrderBy(m => m.Id))
        {
            if (m.SentAt is not null) return Error.Conflict("already_sent", $"Message {m.Id} was sent at {m.SentAt:u}.");
            if (refuse(m) is { } error) return error;
        }
        foreach (var m in messages) change(m, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return messages.OrderBy(m => m.Id).Select(OutboxItems.Item).ToList();
    }
}
