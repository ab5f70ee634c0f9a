using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Notifications;

/// <summary>
/// One pass of the outbox (R-SLA-4): sends every due message, batch by batch, each claimed and recorded by
/// <see cref="OutboxBatches"/>, so no row lock is held while mail servers and gateways are talked to.
/// At-least-once: an instance that dies between sending and recording leaves its batch to be sent again when
/// the lease ends, so a receiver may see a message twice (mail keeps its Message-ID, webhooks their delivery id).
/// </summary>
public sealed class DeliverOutbox(IDbContextFactory<RedressDb> dbs, OutboxBatches batches, MailSender mail, WebhookSender webhooks, DeliveryOptions options)
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
            var claim = await batches.ClaimAsync(ct);
            if (claim.Messages.Count == 0) return pass;
            var outcomes = new List<(OutboxMessage Message, DeliveryOutcome Outcome)>();
            Pass batch;
            try
            {
                await SendAsync(claim.Messages, outcomes, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug met on one message: it counts as a failed attempt, so that in the end it is given up instead of
                // stopping the outbox; the rest of the batch is released below. The dispatcher logs the exception.
                var culprit = SendOrder(claim.Messages).FirstOrDefault(m => outcomes.TrueForAll(o => o.Message != m));
                if (culprit is not null) outcomes.Add((culprit, DeliveryOutcome.Retry($"{ex.GetType().Name}: {ex.Message}")));
                throw;
            }
            finally
            {
                // Also when stopping mid-batch: what went out is recorded, what was not tried is released.
                batch = await batches.RecordAsync(claim, outcomes);
                pass = pass.Add(batch);
            }
            // A full batch of which nothing went out and something is to be retried: the mail server or the gateways
            // are down. The rest waits for the next pass instead of each message being refused (or timing out) in turn.
            if (claim.Messages.Count < options.BatchSize || batch is { Sent: 0, Retrying: > 0 }) return pass;
        }
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
}
