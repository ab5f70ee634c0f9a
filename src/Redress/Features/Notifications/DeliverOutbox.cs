using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Notifications;

/// <summary>Section <c>Notifications:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public int BatchSize { get; set; } = 50;
    /// <summary>30 attempts: seven in the first hour (30 s, 1, 2 … 32 min apart), then hourly, so about a day.</summary>
    public int MaxAttempts { get; set; } = 30;
    public int FirstRetrySeconds { get; set; } = 30;
    public int MaxRetryMinutes { get; set; } = 60;
    /// <summary>How long a claimed batch is its instance's; longer than a batch can take with every timeout hit.</summary>
    public int LeaseMinutes { get; set; } = 5;

    /// <summary>Doubling from the first retry, capped, ±20 % so that what failed together is not retried together.</summary>
    public TimeSpan RetryDelay(int attempts, double random)
    {
        var seconds = Math.Min(FirstRetrySeconds * Math.Pow(2, Math.Min(attempts - 1, 30)), MaxRetryMinutes * 60.0);
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * random));
    }
}

/// <summary>What one attempt at a message came to. <see cref="Final"/>: give up now, retrying cannot help.</summary>
public sealed record DeliveryOutcome(bool Sent, bool Final, string? Error)
{
    public static readonly DeliveryOutcome Delivered = new(true, false, null);
    public static DeliveryOutcome Retry(string error) => new(false, false, error);
    public static DeliveryOutcome GiveUp(string error) => new(false, true, error);
}

/// <summary>
/// One pass of the outbox (R-SLA-4): sends every due message, batch by batch. A batch is claimed in a short
/// transaction (FOR UPDATE SKIP LOCKED on PostgreSQL, the writer gate on SQLite) that moves its NextAttemptAt a
/// lease ahead, so no row lock is held while mail servers and gateways are talked to, and another instance
/// skips the batch. The results are written afterwards, a failure only while the lease is still this pass's.
/// At-least-once: an instance that dies between sending and recording leaves its batch to be sent again when
/// the lease ends, so a receiver may see a message twice (mail keeps its Message-ID, webhooks their delivery id).
/// </summary>
public sealed partial class DeliverOutbox(IDbContextFactory<RedressDb> dbs, MailSender mail, WebhookSender webhooks,
    DeliveryOptions options, TimeProvider clock, ILogger<DeliverOutbox> logger)
{
    public sealed record Pass(int Sent, int Retrying, int Failed)
    {
        public Pass Add(Pass other) => new(Sent + other.Sent, Retrying + other.Retrying, Failed + other.Failed);
    }

    public async Task<Pass> RunAsync(CancellationToken ct)
    {
        var pass = new Pass(0, 0, 0);
        while (true)
        {
            var (claimed, lease) = await ClaimAsync(ct);
            if (claimed.Count == 0) return pass;
            var outcomes = new List<(OutboxMessage Message, DeliveryOutcome Outcome)>();
            try
            {
                await SendAsync(claimed, outcomes, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug met on one message: it counts as a failed attempt, so that in the end it is given up instead of
                // stopping the outbox; the rest of the batch is released below. The dispatcher logs the exception.
                var culprit = SendOrder(claimed).FirstOrDefault(m => outcomes.TrueForAll(o => o.Message != m));
                if (culprit is not null) outcomes.Add((culprit, DeliveryOutcome.Retry($"{ex.GetType().Name}: {ex.Message}")));
                throw;
            }
            finally
            {
                // Also when stopping mid-batch: what went out is recorded, what was not tried is released.
                pass = pass.Add(await RecordAsync(claimed, outcomes, lease));
            }
            if (claimed.Count < options.BatchSize) return pass;
        }
    }

    private static Expression<Func<OutboxMessage, bool>> Due(DateTime now) =>
        m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now;

    private async Task<(List<OutboxMessage> Claimed, DateTime Lease)> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The lease doubles as the claim's token; whole microseconds, as PostgreSQL stores it.
        var lease = now.AddMinutes(options.LeaseMinutes);
        lease = lease.AddTicks(-(lease.Ticks % 10));
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Most passes find nothing: look first without a write transaction (on SQLite, without the writer gate).
        if (!await db.Outbox.AnyAsync(Due(now), ct)) return ([], lease);
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
        return (claimed, lease);
    }

    /// <summary>The order <see cref="SendAsync"/> goes in: mail first, over one connection, then the webhook calls.</summary>
    private static IEnumerable<OutboxMessage> SendOrder(List<OutboxMessage> claimed) =>
        claimed.Where(m => m.Channel == DeliveryChannel.Email).Concat(claimed.Where(m => m.Channel == DeliveryChannel.Webhook));

    private async Task SendAsync(List<OutboxMessage> claimed, List<(OutboxMessage, DeliveryOutcome)> outcomes, CancellationToken ct)
    {
        var mails = claimed.Where(m => m.Channel == DeliveryChannel.Email).ToList();
        if (mails.Count > 0)
            await foreach (var outcome in mail.SendAsync(mails, ct)) outcomes.Add(outcome);
        var calls = claimed.Where(m => m.Channel == DeliveryChannel.Webhook).ToList();
        if (calls.Count == 0) return;
        var ids = calls.Select(c => int.TryParse(c.Recipient, CultureInfo.InvariantCulture, out var id) ? id : 0).Distinct().ToList();
        Dictionary<int, WebhookSubscription> hooks;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            hooks = await db.Webhooks.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        await foreach (var outcome in webhooks.SendAsync(calls, hooks, ct)) outcomes.Add(outcome);
    }

    private async Task<Pass> RecordAsync(List<OutboxMessage> claimed, List<(OutboxMessage Message, DeliveryOutcome Outcome)> outcomes, DateTime lease)
    {
        // Not cancellable: a mail that went out must be recorded, or it goes out again after the lease.
        var ct = CancellationToken.None;
        var now = clock.GetUtcNow().UtcDateTime;
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
        // Claimed but not tried (stopping, or a bug above): free for the next pass rather than after the lease.
        var untried = claimed.Select(m => m.Id).Except(outcomes.Select(o => o.Message.Id)).ToList();
        if (untried.Count > 0)
            await db.Outbox.Where(m => untried.Contains(m.Id) && m.SentAt == null && m.NextAttemptAt == lease)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), ct);
        await tx.CommitAsync(ct);
        return new Pass(sent.Count, retrying, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Channel}) given up after {Attempts} attempt(s): {Error}")]
    private partial void LogGivenUp(long id, DeliveryChannel channel, int attempts, string? error);
}
