using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Features.Notifications;

namespace Redress.Features.Admin;

/// <summary>Which failed messages: those given up (the default), or those that failed and will be tried again.</summary>
public enum FailedState
{
    GivenUp,
    Retrying,
}

/// <param name="Before">An id from the previous page's nextBefore: older messages only.</param>
public sealed record FailedMessagesQuery(FailedState? State, DeliveryChannel? Channel, long? Before, [property: Range(1, 100)] int? Limit);

/// <param name="NextBefore">Pass back as before for the next page; null on the last page.</param>
public sealed record FailedMessageList(IReadOnlyList<OutboxItem> Items, long? NextBefore);

/// <summary>
/// The outbox messages that did not go out (R-SLA-4), newest first, mail and webhooks, with their last error: what
/// an administrator looks at after an outage. Both lists stay off the table's bulk of sent messages: the given-up
/// ones through IX_Outbox_GivenUp, the retrying ones through the dispatcher's own index of unsent messages.
/// </summary>
public sealed class ListFailedMessages(IDbContextFactory<RedressDb> dbs)
{
    public async Task<Result<FailedMessageList>> HandleAsync(FailedMessagesQuery q, CancellationToken ct)
    {
        var limit = q.Limit ?? 50;
        if (limit is < 1 or > 100) return Error.Invalid("limit_out_of_range", "limit is 1 to 100.", "limit");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var messages = q.State == FailedState.Retrying
            ? db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.FailedAt == null && m.LastError != null)
            : db.Outbox.AsNoTracking().Where(m => m.FailedAt != null && m.DiscardedAt == null && m.SentAt == null);
        if (q.Channel is { } channel) messages = messages.Where(m => m.Channel == channel);
        if (q.Before is { } before) messages = messages.Where(m => m.Id < before);
        var rows = await messages.OrderByDescending(m => m.Id).Take(limit + 1).Select(OutboxItems.Select).ToListAsync(ct);
        var page = rows.Take(limit).Select(OutboxItems.Item).ToList();
        return new FailedMessageList(page, rows.Count > limit ? page[^1].Id : null);
    }
}
