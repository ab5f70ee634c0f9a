using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Notifications;

/// <summary>
/// The outbox rows of one delivery batch: claimed in a short transaction (FOR UPDATE SKIP LOCKED on PostgreSQL,
/// the writer gate on SQLite) that moves their NextAttemptAt a lease ahead, so no row lock is held while mail
/// servers and gateways are talked to and another instance skips them; the results recorded afterwards, a
/// failure only while the lease is still this batch's.
/// </summary>
public sealed partial class OutboxBatches(IDbContextFactory<RedressDb> dbs, DeliveryOptions options, TimeProvider clock, ILogger<OutboxBatches> logger)
{
    public sealed record Claim(List<OutboxMessage> Messages, DateTime Lease);

    /// <summary>Due: neither sent nor given up (nor discarded, which gives up), and its time has come.</summary>
    public static Expression<Func<OutboxMessage, bool>> Due(DateTime now) =>
        m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now;

    public async Task<Claim> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The lease doubles as the claim's token; whole microseconds, as PostgreSQL stores it.
        var lease = now.AddMinutes(options.LeaseMinutes);
        lease = lease.AddTicks(-(lease.Ticks % 10));
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Most passes find nothing: look first without a write transaction (on SQLite, without the writer gate).
        if (!await db.Outbox.AnyAsync(Due(now), ct)) return new([], lease);
        await using var tx = await db.BeginWriteAsync(ct);
        var claimed = db.IsSqlite
            ? await db.Outbox.Where(Due(now)).OrderBy(m => m.NextAttemptAt).Take(options.BatchSize).ToListAsync(ct)
            : await db.Outbox.FromSql($"""
                SELECT * FROM "Outbox" WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt" LIMIT {options.BatchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        foreach (var m in claimed) m.NextAttemptAt = lease;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(claimed, lease);
    }

    public async Task<DeliverOutbox.Pass> RecordAsync(Claim claim, List<(OutboxMessage Message, DeliveryOutcome Outcome)> outcomes)
    {
        // Not cancellable: a mail that went out must be recorded, or it goes out again after the lease.
        var ct = CancellationToken.None;
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = claim.Lease;
        var (retrying, failed) = (0, 0);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var sent = outcomes.Where(o => o.Outcome.Sent).Select(o => o.Message.Id).ToList();
        if (sent.Count > 0)
            await db.Outbox.Where(m => sent.Contains(m.Id) && m.SentAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now).SetProperty(m => m.FailedAt, (DateTime?)null).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        foreach (var (message, outcome) in outcomes.Where(o => !o.Outcome.Sent))
        {
            var attempts = message.Attempts + 1;
            var giveUp = outcome.Final || attempts >= options.MaxAttempts;
            var error = outcome.Error is { Length: > 2_000 } text ? text[..2_000] : outcome.Error;
            var retryAt = now + options.RetryDelay(attempts, Random.Shared.NextDouble());
            // Only while the lease is ours: after it ran out, another instance may have sent the message meanwhile.
            await db.Outbox.Where(m => m.Id == message.Id && m.SentAt == null && m.FailedAt == null && m.NextAttemptAt == lease)
                .ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error);
                    if (giveUp) s.SetProperty(m => m.FailedAt, now);
                    else s.SetProperty(m => m.NextAttemptAt, retryAt);
                }, ct);
            if (giveUp)
            {
                failed++;
                LogGivenUp(message.Id, message.Channel, attempts, error);
            }
            else retrying++;
        }
        // Claimed but not tried (stopping, or a bug): free for the next pass rather than after the lease.
        var untried = claim.Messages.Select(m => m.Id).Except(outcomes.Select(o => o.Message.Id)).ToList();
        if (untried.Count > 0)
            await db.Outbox.Where(m => untried.Contains(m.Id) && m.SentAt == null && m.NextAttemptAt == lease)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), ct);
        await tx.CommitAsync(ct);
        return new(sent.Count, retrying, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Channel}) given up after {Attempts} attempt(s): {Error}")]
    private partial void LogGivenUp(long id, DeliveryChannel channel, int attempts, string? error);
}
